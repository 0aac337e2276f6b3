package dev.veracity.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner codes of {@code mlmd_property} are a persisted format: stores written before must read the same. */
class OwnerKindTest {
    @TempDir
    Path dir;

    @Test
    void codesArePinned() {
        assertThat(OwnerKind.ARTIFACT.code()).isEqualTo("A");
        assertThat(OwnerKind.EXECUTION.code()).isEqualTo("E");
        assertThat(OwnerKind.CONTEXT.code()).isEqualTo("C");
    }

    @Test
    void eachOwnerIsStoredWithItsCodeAndReadBack() throws Exception {
        Path file = dir.resolve("m.sqlite");
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(file))) {
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", Map.of("span", PropertyType.INT)));
            store.putType(MetadataType.of(TypeKind.EXECUTION, "Gen", Map.of("node", PropertyType.STRING)));
            store.putType(MetadataType.of(TypeKind.CONTEXT, "run", Map.of("note", PropertyType.STRING)));
            store.putArtifact(Artifact.of("Examples", "u").withProperty("span", Value.of(3)));
            store.putExecution(Execution.of("Gen", ExecutionState.COMPLETE).withProperty("node", Value.of("gen")));
            store.putContext(Context.of("run", "r1").withProperty("note", Value.of("first")));
            assertThat(store.executionsByProperty("node", "gen")).hasSize(1);
            assertThat(store.artifactsByType("Examples").get(0).property("span"))
                    .contains(Value.of(3));
            assertThat(store.context("run", "r1").orElseThrow().properties()).containsEntry("note", Value.of("first"));
        }
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT owner_kind, name FROM mlmd_property ORDER BY name")) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getString(2));
            }
        }
        assertThat(rows).containsExactly("E:node", "C:note", "A:span");
    }
}
