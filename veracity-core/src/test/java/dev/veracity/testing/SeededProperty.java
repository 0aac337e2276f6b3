package dev.veracity.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.opentest4j.TestAbortedException;

/**
 * A randomized property test: a method {@code void name(long seed)} run once per seed, {@link #tries()} seeds in
 * all, that draws its inputs from {@code new SplittableRandom(seed)} (see {@link Gen}). There is no shrinking: the
 * generators favour small inputs on some seeds instead.
 *
 * <p>The seeds derive from a base seed and the test's class and method names, so every run checks the same cases.
 * To explore other cases, set another base seed: {@code ./mvnw verify -Dveracity.seed=42}. A failure names its seed;
 * to rerun only that case: {@code -Dveracity.replay=<seed> -Dtest=SomeProperties#someProperty}.
 *
 * <p>Shared with other modules through veracity-core's test jar.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "seed {0}")
@ArgumentsSource(SeededProperty.Seeds.class)
@ExtendWith(SeededProperty.NameTheSeed.class)
public @interface SeededProperty {
    /** The base seed unless the system property {@code veracity.seed} sets another. */
    long DEFAULT_BASE_SEED = 0x5EED_7E57_0000_0001L;

    /** {@return how many seeds to check} */
    int tries();

    /** The seeds of one property, or only the seed of {@code veracity.replay} if set. */
    final class Seeds implements ArgumentsProvider, AnnotationConsumer<SeededProperty> {
        private int tries;

        /** {@return the base seed of this run} */
        static long baseSeed() {
            String seed = System.getProperty("veracity.seed", "").strip();
            return seed.isEmpty() ? DEFAULT_BASE_SEED : Long.decode(seed);
        }

        @Override
        public void accept(SeededProperty property) {
            tries = property.tries();
        }

        @Override
        public Stream<? extends Arguments> provideArguments(
                ParameterDeclarations parameters, ExtensionContext context) {
            String replay = System.getProperty("veracity.replay", "").strip();
            if (!replay.isEmpty()) {
                return Stream.of(Arguments.of(Long.decode(replay)));
            }
            long name = 0xCBF2_9CE4_8422_2325L; // 64-bit FNV-1a of the test's name
            String test = context.getRequiredTestClass().getName() + "#"
                    + context.getRequiredTestMethod().getName();
            for (byte b : test.getBytes(StandardCharsets.UTF_8)) {
                name = (name ^ (b & 0xFF)) * 0x0000_0100_0000_01B3L;
            }
            SplittableRandom seeds = new SplittableRandom(baseSeed() ^ name);
            return Stream.generate(seeds::nextLong).limit(tries).map(Arguments::of);
        }
    }

    /** Puts the seed (and how to rerun it) in the message of any failure of a case. */
    final class NameTheSeed implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext extensionContext)
                throws Throwable {
            try {
                invocation.proceed();
            } catch (TestAbortedException e) {
                throw e;
            } catch (Throwable e) {
                Object seed = invocationContext.getArguments().get(0);
                throw new AssertionError(
                        "failed for seed " + seed + " (base seed " + Seeds.baseSeed()
                                + "; rerun only this case with -Dveracity.replay=" + seed + "): " + e,
                        e);
            }
        }
    }
}
