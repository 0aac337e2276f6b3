/** The YAML pipeline file: names components, parameters and wiring so a pipeline runs without Java. */
package dev.veracity.pipeline.yaml;
