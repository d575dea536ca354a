package dev.stride.service.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class AttributeValuesProperties {
    private static JsonNode n(BigDecimal v) { return JsonNodeFactory.instance.objectNode().put("N", v.toString()); }

    private static JsonNode s(String v) { return JsonNodeFactory.instance.objectNode().put("S", v); }

    @Property(tries = 300)
    void numbersOrderByValueWhateverTheirNotation(@ForAll long a, @ForAll @IntRange(min = -30, max = 30) int scaleA,
                                                  @ForAll long b, @ForAll @IntRange(min = -30, max = 30) int scaleB) {
        BigDecimal x = new BigDecimal(BigInteger.valueOf(a), scaleA), y = new BigDecimal(BigInteger.valueOf(b), scaleB);
        assertThat(Integer.signum(AttributeValues.compareKeys(n(x), n(y)))).isEqualTo(x.compareTo(y));
        assertThat(AttributeValues.compareKeys(n(x), n(new BigDecimal(x.toPlainString())))).isZero();
    }

    @Property(tries = 300)
    void stringsOrderByTheirUtf8Bytes(@ForAll @StringLength(max = 6) String a, @ForAll @StringLength(max = 6) String b) {
        int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(AttributeValues.compareKeys(s(a), s(b)))).isEqualTo(expected);
    }

    @Property(tries = 200)
    void anItemGrowsWithEachAttributeAndStringsCostTheirUtf8Length(@ForAll @StringLength(min = 1, max = 8) String name,
                                                                    @ForAll @StringLength(max = 20) String text, @ForAll long number) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.set(name, s(text));
        long one = AttributeValues.itemSize(item);
        assertThat(one).isEqualTo(name.getBytes(StandardCharsets.UTF_8).length + text.getBytes(StandardCharsets.UTF_8).length);
        item.set(name + "_n", n(BigDecimal.valueOf(number)));
        assertThat(AttributeValues.itemSize(item)).isGreaterThan(one);
        ObjectNode nested = JsonNodeFactory.instance.objectNode();
        nested.putObject("m").set("M", item.deepCopy());
        assertThat(AttributeValues.itemSize(nested)).isGreaterThan(AttributeValues.itemSize(item));
    }
}
