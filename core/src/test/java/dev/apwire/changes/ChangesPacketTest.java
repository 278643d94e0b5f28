package dev.apwire.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesPacketTest {

    @Test
    void everyChangeKindRoundTripsThroughTheGenericPacket() {
        List<Change> all = List.of(new OpenChange("a"), new MetadataChange("a"), new CloseChange("b"),
                new PropertiesChange("a", JsonObject.of("k", JsonValue.of("v"))),
                new UnknownChange("rename", "a", JsonObject.of("to", JsonValue.of("z"))));
        assertThat(all.stream().map(Change::kind)).containsExactlyInAnyOrder(ChangeKind.values());
        ChangesServerPacket p = new ChangesPacket(all).toServerPacket();
        assertThat(p.from()).isEqualTo("server");
        assertThat(p.type()).isEqualTo("changes");
        assertThat(((JsonArray) p.data()).get(3)).isEqualTo(JsonObject.of("type", JsonValue.of("properties"),
                "token", JsonValue.of("a"), "properties", JsonObject.of("k", JsonValue.of("v"))));
        assertThat(ChangesPacket.from(p).changes()).isEqualTo(all);
    }

    @Test
    void unknownChangeTypesAreKeptWhole() {
        JsonObject raw = JsonObject.of("type", JsonValue.of("rename"), "token", JsonValue.of("a"), "to", JsonValue.of("z"),
                "n", JsonValue.of(1));
        ChangesPacket packet = ChangesPacket.from(ChangesServerPacket.of("server", "changes", JsonArray.of(raw)));
        assertThat(packet.changes()).containsExactly(new UnknownChange("rename", "a",
                JsonObject.of("to", JsonValue.of("z"), "n", JsonValue.of(1))));
        assertThat(((JsonArray) packet.toServerPacket().data()).get(0)).isEqualTo(raw);
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> ChangesPacket.from(ChangesServerPacket.of("abc", "changes", JsonArray.EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangesPacket.from(ChangesServerPacket.of("server", "changes",
                JsonArray.of(JsonObject.of("type", JsonValue.of("properties"), "token", JsonValue.of("a"))))))
                .hasMessageContaining("properties");
    }
}
