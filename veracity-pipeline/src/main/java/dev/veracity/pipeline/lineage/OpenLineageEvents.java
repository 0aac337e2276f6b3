package dev.veracity.pipeline.lineage;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.Event;
import dev.veracity.metadata.EventType;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * OpenLineage run events for the executions of one pipeline run, read from the metadata store: per execution a
 * START and a COMPLETE (COMPLETE or CACHED), FAIL (with the error) or ABORT; job {@code <pipeline>.<node>} in
 * namespace {@code veracity}; datasets in namespace {@code file} named by URI; the pipeline run as parent. A
 * validator's input statistics carry {@code dataQualityMetrics} (examples, and per feature missing, present, min,
 * max, distinct) and {@code dataQualityAssertions} (one failed assertion per anomaly reason); Examples outputs carry
 * {@code outputStatistics} (rows).
 *
 * <pre>{@code
 * int events = OpenLineageEvents.emit(store, result.runId(), Path.of("out/openlineage.jsonl"));
 * }</pre>
 */
public final class OpenLineageEvents {
    /** The producer URI every event names. */
    public static final URI PRODUCER = URI.create("urn:veracity:veracity-pipeline");
    /** The job namespace. */
    public static final String NAMESPACE = "veracity";

    private OpenLineageEvents() {}

    /**
     * Appends the run's events to a file, one JSON document per line (OpenLineage's file transport).
     *
     * @return how many events were written
     * @throws ConfigException if the store has no such run
     */
    public static int emit(MetadataStore store, String runId, Path file) throws IOException {
        List<OpenLineage.RunEvent> events = events(store, runId);
        FileConfig config = new FileConfig(file.toAbsolutePath().toString());
        try (OpenLineageClient client = new OpenLineageClient(new FileTransport(config))) {
            for (OpenLineage.RunEvent event : events) {
                client.emit(event);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(file + ": could not write OpenLineage events: " + e.getMessage(), e);
        }
        return events.size();
    }

    /** {@return the events of a run, two per execution, in execution order} */
    public static List<OpenLineage.RunEvent> events(MetadataStore store, String runId) throws IOException {
        Context run = store.context("pipeline_run", runId)
                .orElseThrow(() ->
                        new ConfigException("expected a pipeline run " + runId + " in " + store + ", found none"));
        OpenLineage lineage = new OpenLineage(PRODUCER);
        List<OpenLineage.RunEvent> events = new ArrayList<>();
        for (Execution execution : store.executionsByContext(run.id())) {
            String pipeline =
                    execution.property("pipeline").map(Value::stringValue).orElse("pipeline");
            String node = execution.property("node").map(Value::stringValue).orElse(execution.type());
            OpenLineage.Job job = lineage.newJobBuilder()
                    .namespace(NAMESPACE)
                    .name(pipeline + "." + node)
                    .build();
            UUID id = uuid("execution:" + runId + ":" + execution.id());
            OpenLineage.RunFacetsBuilder facets = lineage.newRunFacetsBuilder()
                    .parent(lineage.newParentRunFacet(
                            lineage.newParentRunFacetRun(uuid("run:" + runId), null),
                            lineage.newParentRunFacetJob(NAMESPACE, pipeline, null),
                            null));
            OpenLineage.RunEvent.EventType end = switch (execution.state()) {
                case COMPLETE, CACHED -> OpenLineage.RunEvent.EventType.COMPLETE;
                case FAILED -> OpenLineage.RunEvent.EventType.FAIL;
                case CANCELED -> OpenLineage.RunEvent.EventType.ABORT;
                case UNKNOWN, NEW, RUNNING -> OpenLineage.RunEvent.EventType.RUNNING;
            };
            if (execution.state() == ExecutionState.FAILED) {
                facets.errorMessage(lineage.newErrorMessageRunFacet(
                        execution.property("error").map(Value::stringValue).orElse("failed"), "java", null));
            }
            List<OpenLineage.InputDataset> inputs = new ArrayList<>();
            List<OpenLineage.OutputDataset> outputs = new ArrayList<>();
            List<Event> links = store.eventsByExecutions(List.of(execution.id()));
            Artifact anomalies = null;
            for (Event link : links) {
                Artifact artifact = store.artifact(link.artifactId()).orElseThrow();
                if (link.type() == EventType.OUTPUT && artifact.type().equals(ArtifactType.EXAMPLE_ANOMALIES.name())) {
                    anomalies = artifact;
                }
            }
            for (Event link : links) {
                Artifact artifact = store.artifact(link.artifactId()).orElseThrow();
                if (link.type() == EventType.INPUT) {
                    OpenLineage.InputDatasetBuilder input =
                            lineage.newInputDatasetBuilder().namespace("file").name(artifact.uri());
                    if (artifact.type().equals(ArtifactType.EXAMPLE_STATISTICS.name())
                            && anomalies != null
                            && link.pathText().startsWith("statistics")) {
                        input.inputFacets(lineage.newInputDatasetInputFacetsBuilder()
                                .dataQualityMetrics(QualityFacets.metrics(lineage, Path.of(artifact.uri())))
                                .dataQualityAssertions(QualityFacets.assertions(lineage, Path.of(anomalies.uri())))
                                .build());
                    }
                    inputs.add(input.build());
                } else if (link.type() == EventType.OUTPUT) {
                    OpenLineage.OutputDatasetBuilder output =
                            lineage.newOutputDatasetBuilder().namespace("file").name(artifact.uri());
                    long rows = artifact.customProperties().entrySet().stream()
                            .filter(e -> e.getKey().startsWith("num_examples_"))
                            .mapToLong(e -> e.getValue().intValue())
                            .sum();
                    if (artifact.type().equals(ArtifactType.EXAMPLES.name())) {
                        output.outputFacets(lineage.newOutputDatasetOutputFacetsBuilder()
                                .outputStatistics(lineage.newOutputStatisticsOutputDatasetFacetBuilder()
                                        .rowCount(rows)
                                        .build())
                                .build());
                    }
                    outputs.add(output.build());
                }
            }
            OpenLineage.RunFacets runFacets = facets.build();
            events.add(lineage.newRunEventBuilder()
                    .eventType(OpenLineage.RunEvent.EventType.START)
                    .eventTime(time(execution.createTimeMillis()))
                    .job(job)
                    .run(lineage.newRunBuilder().runId(id).facets(runFacets).build())
                    .inputs(inputs)
                    .outputs(List.of())
                    .build());
            events.add(lineage.newRunEventBuilder()
                    .eventType(end)
                    .eventTime(time(execution.updateTimeMillis()))
                    .job(job)
                    .run(lineage.newRunBuilder().runId(id).facets(runFacets).build())
                    .inputs(inputs)
                    .outputs(outputs)
                    .build());
        }
        return events;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("veracity-" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static ZonedDateTime time(long millis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
