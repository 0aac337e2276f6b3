package dev.veracity.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of artifacts: insert or update one, select by a condition. Not thread-safe: the store serializes. */
final class ArtifactRows {
    private final Sql sql;
    private final TypeRegistry types;

    ArtifactRows(Sql sql, TypeRegistry types) {
        this.sql = sql;
        this.types = types;
    }

    /** {@return the artifact as stored: inserted if its id is 0, else updated}; call inside a transaction */
    Artifact put(Artifact artifact) throws SQLException {
        MetadataType type = types.require(TypeKind.ARTIFACT, artifact.type(), artifact.properties());
        long now = System.currentTimeMillis();
        long id = artifact.id();
        long created = artifact.createTimeMillis() == 0 ? now : artifact.createTimeMillis();
        if (id == 0) {
            id = sql.insert(
                    "INSERT INTO mlmd_artifact (type_id, name, uri, state, create_time, update_time) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    type.id(),
                    artifact.name(),
                    artifact.uri(),
                    artifact.state().name(),
                    created,
                    now);
        } else {
            sql.update(
                    "UPDATE mlmd_artifact SET name = ?, uri = ?, state = ?, update_time = ? WHERE id = ?",
                    artifact.name(),
                    artifact.uri(),
                    artifact.state().name(),
                    now,
                    id);
        }
        PropertyTable.replace(
                sql.connection(), OwnerKind.ARTIFACT, id, artifact.properties(), artifact.customProperties());
        return new Artifact(
                id,
                artifact.type(),
                artifact.name(),
                artifact.uri(),
                artifact.state(),
                artifact.properties(),
                artifact.customProperties(),
                created,
                now);
    }

    /** {@return the artifacts where {@code where} holds (over {@code a}, the artifact, and {@code t}, its type), oldest first} */
    List<Artifact> select(String where, Object... arguments) throws SQLException {
        List<Artifact> result = new ArrayList<>();
        try (PreparedStatement select = sql.prepare(
                        "SELECT a.id, t.name, a.name, a.uri, a.state, a.create_time, "
                                + "a.update_time FROM mlmd_artifact a JOIN mlmd_type t ON t.id = a.type_id WHERE "
                                + where
                                + " ORDER BY a.id",
                        arguments);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Artifact(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        ArtifactState.valueOf(rows.getString(5)),
                        Map.of(),
                        Map.of(),
                        rows.getLong(6),
                        rows.getLong(7)));
            }
        }
        List<Artifact> withProperties = new ArrayList<>(result.size());
        for (Artifact a : result) {
            PropertyTable.Properties p = PropertyTable.read(sql.connection(), OwnerKind.ARTIFACT, a.id());
            withProperties.add(new Artifact(
                    a.id(),
                    a.type(),
                    a.name(),
                    a.uri(),
                    a.state(),
                    p.declared(),
                    p.custom(),
                    a.createTimeMillis(),
                    a.updateTimeMillis()));
        }
        return withProperties;
    }
}
