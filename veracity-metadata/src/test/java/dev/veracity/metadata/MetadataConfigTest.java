package dev.veracity.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import org.junit.jupiter.api.Test;

/** Where a store lives: a SQLite file or a JDBC URL, refused with a message when it is neither. */
class MetadataConfigTest {
    @Test
    void parsesFilesAndUrlsAndRefusesWhatIsNeither() {
        assertThat(MetadataConfig.parse("out/m.sqlite").url()).isEqualTo("jdbc:sqlite:out/m.sqlite");
        assertThat(MetadataConfig.parse("jdbc:postgresql://db/ml?password=secret"))
                .hasToString("jdbc:postgresql://db/ml?password=***");
        assertThatThrownBy(() -> MetadataConfig.parse(" "))
                .isInstanceOf(ConfigException.class)
                .hasMessage("metadata store: expected a SQLite file or a JDBC URL, found an empty string");
        assertThatThrownBy(() -> MetadataConfig.parse("m\0.sqlite"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("metadata store: expected a SQLite file or a JDBC URL, found a path with nul character "
                        + "not allowed");
    }
}
