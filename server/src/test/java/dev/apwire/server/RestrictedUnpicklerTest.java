package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every allowed global, pickled by Python 3.11 with protocols 2, 4 and 5 (see the hex's comment). */
class RestrictedUnpicklerTest {

    /**
     * {@code pickle.dumps([Counter({'a': 2, 'b': 1}), frozenset([3]), {4, 5}, NetworkItem(1, 2, 3, 4),
     * ClientStatus.CLIENT_GOAL, (1, 'x')], protocol=p)} with the classes of {@code write_multiworld.py}.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "80025d71002863636f6c6c656374696f6e730a436f756e7465720a71017d71022858010000006171034b0258010000006271044b0175"
                + "857105527106635f5f6275696c74696e5f5f0a66726f7a656e7365740a71075d71084b036185710952710a635f5f627569"
                + "6c74696e5f5f0a7365740a710b5d710c284b044b056585710d52710e634e65745574696c730a4e6574776f726b4974656d"
                + "0a710f284b014b024b034b04747110817111634e65745574696c730a436c69656e745374617475730a71124b1e85711352"
                + "71144b015801000000787115867116652e",
        "80049589000000000000005d94288c0b636f6c6c656374696f6e73948c07436f756e7465729493947d94288c0161944b028c0162"
                + "944b017585945294284b0391948f94284b044b05908c084e65745574696c73948c0b4e6574776f726b4974656d94939428"
                + "4b014b024b034b0474948194680b8c0c436c69656e745374617475739493944b1e859452944b018c0178948694652e",
        "80059589000000000000005d94288c0b636f6c6c656374696f6e73948c07436f756e7465729493947d94288c0161944b028c0162"
                + "944b017585945294284b0391948f94284b044b05908c084e65745574696c73948c0b4e6574776f726b4974656d94939428"
                + "4b014b024b034b0474948194680b8c0c436c69656e745374617475739493944b1e859452944b018c0178948694652e"})
    void everyAllowedGlobalBecomesAPlainValue(String hex) throws Exception {
        RestrictedUnpickler.Unpickled u = RestrictedUnpickler.load(HexFormat.of().parseHex(hex), MultiworldLimits.DEFAULT);
        List<?> values = (List<?>) u.value();
        Map<Object, Object> counter = new LinkedHashMap<>();
        counter.put("a", 2);
        counter.put("b", 1);
        assertThat(values.get(0)).isEqualTo(counter);
        assertThat(values.get(1)).isEqualTo(new LinkedHashSet<>(List.of(3)));
        assertThat(values.get(2)).isEqualTo(new LinkedHashSet<>(List.of(4, 5)));
        assertThat(values.get(3)).isEqualTo(new PickledObject("NetUtils.NetworkItem", List.of(1, 2, 3, 4)));
        assertThat(values.get(4)).isEqualTo(new PickledObject("NetUtils.ClientStatus", List.of(30)));
        assertThat((Object[]) values.get(5)).containsExactly(1, "x");
        assertThat(u.operations()).isBetween(20L, 80L);
    }
}
