package dev.veracity.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The TFX Chicago taxi conformance fixtures, test resources of veracity-core under
 * {@code conformance/tfx-chicago-taxi} (TFX's own StatisticsGen and SchemaGen outputs, Apache-2.0, see the NOTICE
 * there). They are in every clone, so the conformance tests never skip.
 */
public final class TfxChicagoTaxi {
    private static final String SCHEMA = "/conformance/tfx-chicago-taxi/schema.pbtxt";

    private TfxChicagoTaxi() {}

    /** {@return the fixture directory: {@code schema.pbtxt} and {@code statistics/{train,eval}/FeatureStats.pb}} */
    public static Path directory() {
        URL schema = TfxChicagoTaxi.class.getResource(SCHEMA);
        if (schema == null || !"file".equals(schema.getProtocol())) {
            throw new IllegalStateException("expected the test resource " + SCHEMA + " as a file, found " + schema);
        }
        try {
            return Path.of(schema.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the schema TFX's SchemaGen wrote} */
    public static Path schema() {
        return directory().resolve("schema.pbtxt");
    }

    /** {@return the statistics TFX's StatisticsGen wrote for {@code split}, "train" or "eval"} */
    public static Path statistics(String split) {
        return directory().resolve("statistics").resolve(split).resolve("FeatureStats.pb");
    }
}
