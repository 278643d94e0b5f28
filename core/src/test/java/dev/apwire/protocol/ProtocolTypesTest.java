package dev.apwire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolTypesTest {

    private static final long MAX = (1L << 53) - 1;

    @Test
    void idsMustFitADouble() {
        assertThat(new NetworkItem(MAX, -MAX, 0, 0).item()).isEqualTo(MAX);
        assertThatThrownBy(() -> new NetworkItem(MAX + 1, 0, 0, 0)).hasMessageContaining("item must be within +-(2^53-1)");
        assertThatThrownBy(() -> new NetworkItem(0, -MAX - 1, 0, 0)).hasMessageContaining("location");
        assertThatThrownBy(() -> LongList.of(1, MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hint(1, 1, MAX + 1, 1, false, "", 0, HintStatus.UNSPECIFIED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slotsTeamsAndIndexesAreNonNegative() {
        assertThatThrownBy(() -> new NetworkItem(1, 1, -1, 0)).hasMessageContaining("player must be >= 0");
        assertThatThrownBy(() -> new NetworkPlayer(-1, 1, "a", "a")).hasMessageContaining("team");
        assertThatThrownBy(() -> new NetworkVersion(0, -1, 0)).hasMessageContaining("minor");
        assertThatThrownBy(() -> new dev.apwire.protocol.server.ReceivedItemsPacket(-1, List.of()))
                .hasMessageContaining("index must be >= 0");
    }

    @Test
    void itemFlags() {
        NetworkItem trap = new NetworkItem(1, 2, 3, NetworkItem.TRAP | NetworkItem.PROGRESSION);
        assertThat(trap.isTrap()).isTrue();
        assertThat(trap.isProgression()).isTrue();
        assertThat(trap.isUseful()).isFalse();
    }

    @Test
    void openEnumerationsKeepUnknownValues() {
        assertThat(HintStatus.of(30)).isSameAs(HintStatus.PRIORITY);
        assertThat(HintStatus.of(35).isKnown()).isFalse();
        assertThat(HintStatus.of(35).label()).isEqualTo("unknown(35)");
        assertThat(HintStatus.known()).extracting(HintStatus::value).containsExactly(0, 10, 20, 30, 40);
        assertThat(ClientStatus.known()).extracting(ClientStatus::value).containsExactly(0, 5, 10, 20, 30);
        assertThat(SlotType.known()).extracting(SlotType::value).containsExactly(0, 1, 2);
        assertThat(Permission.known()).extracting(Permission::label)
                .containsExactly("disabled", "enabled", "goal", "auto", "auto-enabled");
        assertThat(PrintJsonType.of("ItemSend")).isSameAs(PrintJsonType.ITEM_SEND);
        assertThat(PrintJsonType.known()).hasSize(15);
        assertThat(PrintJsonType.of("Future").isKnown()).isFalse();
        assertThat(JsonMessagePartType.known()).hasSize(10);
        assertThat(TextColor.known()).hasSize(18);
        assertThat(OperationType.known()).extracting(OperationType::name).containsExactly("replace", "default", "add", "mul",
                "pow", "mod", "floor", "ceil", "max", "min", "and", "or", "xor", "left_shift", "right_shift", "remove", "pop",
                "update");
        assertThat(ConnectionRefusedError.known()).hasSize(5);
        assertThat(PacketProblemType.known()).extracting(PacketProblemType::name).containsExactly("cmd", "arguments");
    }

    @Test
    void permissionFromTextAsTheServerReadsIt() {
        assertThat(Permission.fromText("auto-enabled")).isEqualTo(Permission.AUTO_ENABLED);
        assertThat(Permission.fromText("auto")).isEqualTo(Permission.AUTO);
        assertThat(Permission.fromText("goal")).isEqualTo(Permission.GOAL);
        assertThat(Permission.fromText("enabled")).isEqualTo(Permission.ENABLED);
        assertThat(Permission.fromText("disabled")).isEqualTo(Permission.DISABLED);
    }

    @Test
    void itemsHandlingAsTheServerValidatesIt() {
        for (int v : new int[] {0, 1, 3, 5, 7, 8, 9, 15, -1}) {
            assertThat(new ItemsHandling(v).isValid()).as("%d", v).isTrue();
        }
        for (int v : new int[] {2, 4, 6}) {
            assertThat(new ItemsHandling(v).isValid()).as("%d", v).isFalse();
        }
        assertThat(new ItemsHandling(15).normalized()).isEqualTo(7);
        assertThat(new ItemsHandling(8).normalized()).isEqualTo(0);
        assertThat(new ItemsHandling(5).startingInventory()).isTrue();
        assertThat(new ItemsHandling(5).ownWorld()).isFalse();
    }

    @Test
    void versionsCompareLikeTuples() {
        assertThat(new NetworkVersion(0, 5, 1)).isGreaterThan(new NetworkVersion(0, 5, 0));
        assertThat(new NetworkVersion(1, 0, 0)).isGreaterThan(new NetworkVersion(0, 99, 99));
        assertThat(new NetworkVersion(0, 6, 2).toString()).isEqualTo("0.6.2");
    }

    @Test
    void nameTablesLookUpBothWaysAndKeepWireOrder() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Red Pebble", 1001L);
        m.put("Blue Pebble", 1002L);
        m.put("Golden Key", 999L);
        NameTable t = NameTable.of(m);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.name(999)).isEqualTo("Golden Key");
        assertThat(t.name(5)).isNull();
        assertThat(t.id("Blue Pebble")).isEqualTo(1002L);
        assertThat(t.id("nope")).isNull();
        assertThat(t.asMap()).containsExactly(Map.entry("Red Pebble", 1001L), Map.entry("Blue Pebble", 1002L),
                Map.entry("Golden Key", 999L));
        assertThat(NameTable.of(m)).isEqualTo(t);
    }

    @Test
    void deathLinkDataRoundTrips() {
        DeathLink d = new DeathLink(1700000000.5, "Bob", "Bob fell");
        JsonObject json = d.toJson();
        assertThat(json.members().keySet()).containsExactly("time", "cause", "source");
        assertThat(DeathLink.fromJson(json)).isEqualTo(d);
        DeathLink intTime = DeathLink.fromJson(JsonObject.of("time", JsonInt.of(17), "source", new JsonString("A"), "x",
                new JsonFloat(1.5)));
        assertThat(intTime.time()).isEqualTo(17.0);
        assertThat(intTime.cause()).isNull();
        assertThat(intTime.extras().members()).containsKey("x");
        assertThatThrownBy(() -> DeathLink.fromJson(JsonObject.of("time", new JsonString("now"), "source", new JsonString("A"))))
                .hasMessageContaining("time");
    }

    @Test
    void recordsCopyTheirCollections() {
        List<Integer> members = new ArrayList<>(List.of(1, 2));
        NetworkSlot slot = new NetworkSlot("Link", "G", SlotType.GROUP, members);
        members.add(3);
        assertThat(slot.groupMembers()).containsExactly(1, 2);
        assertThatThrownBy(() -> slot.groupMembers().add(4)).isInstanceOf(UnsupportedOperationException.class);
    }
}
