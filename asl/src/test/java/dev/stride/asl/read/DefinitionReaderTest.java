package dev.stride.asl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DefinitionReaderTest {
    @Test
    void readsJson() {
        assertThat(DefinitionReader.read("{\"StartAt\": \"A\"}").path("StartAt").asText()).isEqualTo("A");
    }

    @Test
    void readsYaml() {
        assertThat(DefinitionReader.read("StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n")
                .path("States").path("A").path("End").asBoolean()).isTrue();
    }

    @Test
    void badJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> DefinitionReader.read("{\n  \"StartAt\": ,\n}"))
                .isInstanceOf(DefinitionSyntaxException.class)
                .hasMessageContaining("line 2")
                .satisfies(e -> assertThat(((DefinitionSyntaxException) e).line()).isEqualTo(2));
    }

    @Test
    void trailingJsonContentIsRejected() {
        assertThatThrownBy(() -> DefinitionReader.read("{} {}")).isInstanceOf(DefinitionSyntaxException.class);
    }

    @Test
    void badYamlIsASyntaxError() {
        assertThatThrownBy(() -> DefinitionReader.read("a: [1, 2\nb: 3")).isInstanceOf(DefinitionSyntaxException.class)
                .hasMessageContaining("YAML");
    }

    @Test
    void emptyTextIsASyntaxError() {
        assertThatThrownBy(() -> DefinitionReader.read("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
