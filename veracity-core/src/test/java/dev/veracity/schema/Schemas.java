package dev.veracity.schema;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;

/** Test schemas written as TFDV's text format. */
final class Schemas {
    /** A schema like the one TFDV infers for the Chicago taxi data, plus a struct feature and a dotted name. */
    static final String TAXI = """
            feature {
              name: "payment_type"
              type: BYTES
              domain: "payment_type"
              presence { min_fraction: 1.0 min_count: 1 }
              shape { dim { size: 1 } }
            }
            feature {
              name: "company"
              value_count { min: 1 max: 1 }
              type: BYTES
              string_domain { value: "Taxi Affiliation Services" value: "Flash Cab" }
              presence { min_count: 1 }
            }
            feature {
              name: "trip_seconds"
              value_count { min: 1 }
              type: INT
              presence { min_count: 1 }
            }
            feature {
              name: "tips"
              type: FLOAT
              presence { min_fraction: 1.0 min_count: 1 }
            }
            feature {
              name: "address"
              type: STRUCT
              struct_domain {
                feature { name: "city" type: BYTES presence { min_count: 1 } }
                feature { name: "zip" type: INT }
              }
            }
            feature {
              name: "a.b"
              type: INT
            }
            string_domain {
              name: "payment_type"
              value: "Cash"
              value: "Credit Card"
            }
            default_environment: "TRAINING"
            """;

    private Schemas() {}

    static Schema parse(String text) {
        try {
            return TextFormat.parse(text, Schema.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Schema taxi() {
        return parse(TAXI);
    }

    static Feature feature(Schema schema, String name) {
        return schema.getFeatureList().stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
