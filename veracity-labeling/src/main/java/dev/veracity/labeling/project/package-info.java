/**
 * A human labeling workflow without a UI: a project directory of JSON files (configuration with versioned
 * instructions, raters, tasks, assignments, annotations), assignment policies (fixed overlap, round robin or least
 * loaded, blind mode, gold questions at a rate with rater accuracy), and Label Studio's JSON task and annotation
 * format in and out so its UI can be the front end.
 */
package dev.veracity.labeling.project;
