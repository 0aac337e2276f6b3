package dev.veracity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCanonicalizerTest {
    private static final Schema SHUFFLED = Schemas.parse("""
            feature { name: "zeta" type: BYTES domain: "zeta" in_environment: "A" in_environment: "A" }
            feature {
              name: "address"
              type: STRUCT
              struct_domain {
                feature { name: "zip" type: INT }
                feature { name: "city" type: BYTES not_in_environment: "S" not_in_environment: "S" }
              }
            }
            feature { name: "Zed" type: INT value_counts { value_count { min: 3 } value_count { min: 1 } } }
            feature { name: "émile" type: INT shape { dim { size: 3 } dim { size: 2 } } }
            feature { name: "alpha" type: BYTES string_domain { value: "z" value: "a" value: "m" } }
            string_domain { name: "zeta" value: "b" value: "a" }
            string_domain { name: "beta" value: "y" value: "x" }
            default_environment: "TRAINING"
            default_environment: "SERVING"
            default_environment: "TRAINING"
            """);

    private static List<String> names(List<Feature> features) {
        return features.stream().map(Feature::getName).toList();
    }

    @Test
    void featuresAndDomainsAreSortedByNameInBytewiseOrder() {
        Schema canonical = SchemaCanonicalizer.canonicalize(SHUFFLED);
        assertThat(names(canonical.getFeatureList())).containsExactly("Zed", "address", "alpha", "zeta", "émile");
        assertThat(names(canonical.getFeature(1).getStructDomain().getFeatureList()))
                .containsExactly("city", "zip");
        assertThat(canonical.getStringDomainList()).extracting(d -> d.getName()).containsExactly("beta", "zeta");
    }

    @Test
    void valuesWhoseOrderMeansSomethingAreKept() {
        Schema canonical = SchemaCanonicalizer.canonicalize(SHUFFLED);
        assertThat(canonical.getStringDomain(1).getValueList()).containsExactly("b", "a");
        assertThat(canonical.getFeature(2).getStringDomain().getValueList()).containsExactly("z", "a", "m");
        assertThat(canonical.getFeature(0).getValueCounts().getValueCount(0).getMin())
                .isEqualTo(3);
        assertThat(canonical.getFeature(4).getShape().getDim(0).getSize()).isEqualTo(3);
    }

    @Test
    void environmentsLoseRepeatsKeepingTheFirst() {
        Schema canonical = SchemaCanonicalizer.canonicalize(SHUFFLED);
        assertThat(canonical.getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING");
        assertThat(canonical.getFeature(3).getInEnvironmentList()).containsExactly("A");
        assertThat(canonical.getFeature(1).getStructDomain().getFeature(0).getNotInEnvironmentList())
                .containsExactly("S");
    }

    @Test
    void canonicalizingTwiceChangesNothingAndMeaningIsKept() {
        Schema canonical = SchemaCanonicalizer.canonicalize(SHUFFLED);
        assertThat(SchemaCanonicalizer.canonicalize(canonical)).isEqualTo(canonical);
        assertThat(SchemaCanonicalizer.isCanonical(canonical)).isTrue();
        assertThat(SchemaCanonicalizer.isCanonical(SHUFFLED)).isFalse();
        assertThat(SchemaDiff.between(SHUFFLED, canonical)).isEmpty();
    }

    @Test
    void theOrderOfTheInputDoesNotMatter() {
        List<Feature> features = new ArrayList<>(SHUFFLED.getFeatureList());
        Collections.reverse(features);
        Schema reversed =
                SHUFFLED.toBuilder().clearFeature().addAllFeature(features).build();
        assertThat(SchemaCanonicalizer.canonicalize(reversed)).isEqualTo(SchemaCanonicalizer.canonicalize(SHUFFLED));
    }
}
