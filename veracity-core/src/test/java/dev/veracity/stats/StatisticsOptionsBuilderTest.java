package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder is the one way to make options: a setter for every component, no constructor beside the canonical. */
class StatisticsOptionsBuilderTest {
    @Test
    void theCanonicalConstructorIsTheOnlyOne() {
        Constructor<?>[] constructors = StatisticsOptions.class.getConstructors();
        assertThat(constructors).hasSize(1);
        assertThat(constructors[0].getParameterTypes())
                .containsExactly(Arrays.stream(StatisticsOptions.class.getRecordComponents())
                        .map(RecordComponent::getType)
                        .toArray(Class<?>[]::new));
    }

    @Test
    void everyComponentHasASetterOfItsName() {
        for (RecordComponent component : StatisticsOptions.class.getRecordComponents()) {
            assertThat(Arrays.stream(StatisticsOptionsBuilder.class.getMethods())
                            .filter(m -> m.getName().equals(component.getName()))
                            .map(Method::getParameterTypes))
                    .as(component.getName())
                    .containsExactly(new Class<?>[] {component.getType()});
        }
    }

    @Test
    void builderStartsFromTheDefaultsAndToBuilderKeepsEveryComponent() {
        assertThat(StatisticsOptions.builder().build()).isEqualTo(StatisticsOptions.DEFAULT);
        StatisticsOptions options = StatisticsOptions.builder()
                .numTopValues(7)
                .quantilesRankError(0.02)
                .weightFeature("w")
                .categoricalFeatures(Set.of("zip"))
                .bytesFeatures(Set.of("image"))
                .weightOverrides(Map.of("clicks", "impressions"))
                .build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toBuilder().numTopValues(20).build())
                .isEqualTo(options.withNumTopValues(20))
                .isNotEqualTo(options);
    }
}
