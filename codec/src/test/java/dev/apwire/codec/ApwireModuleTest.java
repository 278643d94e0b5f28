package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.codec.jackson.ApwireModule;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** apwire types through a user's own ObjectMapper. */
class ApwireModuleTest {

    private final ObjectMapper mapper = JsonMapper.builder().addModule(new ApwireModule()).build();

    @Test
    void readsAndWritesPacketsLikeTheCodec() {
        String json = "{\"cmd\":\"ReceivedItems\",\"index\":1,\"items\":[{\"item\":1003,\"location\":4001,\"player\":2,\"flags\":1,\"class\":\"NetworkItem\"}]}";
        ServerPacket packet = mapper.readValue(json, ServerPacket.class);
        assertThat(packet).isInstanceOf(ReceivedItemsPacket.class);
        assertThat(mapper.writeValueAsString(packet)).isEqualTo(json);
        ClientPacket say = mapper.readValue("{\"cmd\":\"Say\",\"text\":\"hi\"}", ClientPacket.class);
        assertThat(say).isEqualTo(new SayPacket("hi"));
        assertThat(mapper.writeValueAsString(say)).isEqualTo("{\"cmd\":\"Say\",\"text\":\"hi\"}");
    }

    @Test
    void worksInsideUserTypes() {
        Map<String, List<ClientPacket>> log = mapper.readValue("{\"a\":[{\"cmd\":\"Sync\"},{\"cmd\":\"Say\",\"text\":\"x\"}]}",
                new TypeReference<Map<String, List<ClientPacket>>>() { });
        assertThat(log.get("a")).hasSize(2);
        assertThat(mapper.writeValueAsString(log)).isEqualTo("{\"a\":[{\"cmd\":\"Sync\"},{\"cmd\":\"Say\",\"text\":\"x\"}]}");
    }

    @Test
    void jsonValuesKeepIntegerAndFloatApart() {
        JsonValue v = mapper.readValue("{\"i\":1,\"f\":1.0,\"big\":123456789012345678901234567890}", JsonValue.class);
        JsonObject o = (JsonObject) v;
        assertThat(o.get("i")).isEqualTo(JsonInt.of(1));
        assertThat(o.get("f")).isEqualTo(new JsonFloat(1.0));
        assertThat(mapper.writeValueAsString(v)).isEqualTo("{\"i\":1,\"f\":1.0,\"big\":123456789012345678901234567890}");
    }

    @Test
    void aBrokenRuleIsADatabindErrorWithTheProblemText() {
        assertThatThrownBy(() -> mapper.readValue("{\"cmd\":\"Say\",\"text\":5}", ClientPacket.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("Say: `text` must be a string");
    }
}
