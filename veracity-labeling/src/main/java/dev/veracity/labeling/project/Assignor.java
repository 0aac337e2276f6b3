package dev.veracity.labeling.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills open slots: each ordinary task gets {@code overlap} different raters, chosen by the policy; then each rater
 * gets gold questions (ones not yet given to them) until gold makes up {@code goldRate} of their assignments. A
 * rater never gets the same task twice. Deterministic: the same project state gives the same assignments.
 */
final class Assignor {
    private final ProjectConfig config;
    private final List<String> raters;
    private final List<Assignment> assignments;
    private final Map<String, Set<String>> ratersOf = new HashMap<>();
    private final Map<String, int[]> load = new HashMap<>(); // rater -> {open, all, ordinary, gold}
    private long nextRater;

    Assignor(ProjectConfig config, List<String> raters, List<Assignment> existing, long nextRater) {
        this.config = config;
        this.raters = raters;
        this.assignments = new ArrayList<>(existing);
        this.nextRater = nextRater;
        for (String rater : raters) {
            load.put(rater, new int[4]);
        }
        for (Assignment a : assignments) {
            ratersOf.computeIfAbsent(a.task(), t -> new HashSet<>()).add(a.rater());
            int[] l = load.computeIfAbsent(a.rater(), r -> new int[4]);
            l[0] += a.done() ? 0 : 1;
            l[1]++;
            l[a.gold() ? 3 : 2]++;
        }
    }

    /**
     * Gives each task one more rater (by the policy) beyond those it has, when one is left: the "another rating"
     * answer to a low-confidence consensus. {@return the assignments after adding, existing ones first}
     */
    List<Assignment> another(List<String> taskIds) {
        for (String task : taskIds) {
            Set<String> taken = ratersOf.computeIfAbsent(task, t -> new HashSet<>());
            if (taken.size() < raters.size()) {
                String rater = pick(taken, load);
                taken.add(rater);
                add(task, rater, false, load);
            }
        }
        return assignments;
    }

    /** {@return the assignments after filling, existing ones first} */
    List<Assignment> assign(List<Task> tasks) {
        if (raters.isEmpty()) {
            return assignments;
        }
        for (Task task : tasks) {
            if (task.isGold()) {
                continue;
            }
            Set<String> taken = ratersOf.computeIfAbsent(task.id(), t -> new HashSet<>());
            while (taken.size() < Math.min(config.overlap(), raters.size())) {
                String rater = pick(taken, load);
                taken.add(rater);
                add(task.id(), rater, false, load);
            }
        }
        List<Task> gold = tasks.stream().filter(Task::isGold).toList();
        if (config.goldRate() > 0 && !gold.isEmpty()) {
            for (String rater : raters) {
                int[] l = load.get(rater);
                int target = (int) Math.floor(l[2] * config.goldRate() / (1 - config.goldRate()) + 1e-9);
                List<Task> candidates = new ArrayList<>(gold);
                candidates.sort(java.util.Comparator.comparingLong(t -> hash(rater + "\u0000" + t.id())));
                for (Task task : candidates) {
                    if (l[3] >= target) {
                        break;
                    }
                    Set<String> taken = ratersOf.computeIfAbsent(task.id(), t -> new HashSet<>());
                    if (taken.add(rater)) {
                        add(task.id(), rater, true, load);
                    }
                }
            }
        }
        return assignments;
    }

    long nextRater() {
        return nextRater;
    }

    private String pick(Set<String> taken, Map<String, int[]> load) {
        if (config.policy() == AssignmentPolicy.ROUND_ROBIN) {
            for (int tries = 0; tries < raters.size(); tries++) {
                String rater = raters.get((int) (nextRater++ % raters.size()));
                if (!taken.contains(rater)) {
                    return rater;
                }
            }
            throw new IllegalStateException("no free rater although fewer than all are taken");
        }
        String best = null;
        for (String rater : raters) {
            if (taken.contains(rater)) {
                continue;
            }
            if (best == null
                    || load.get(rater)[0] < load.get(best)[0]
                    || load.get(rater)[0] == load.get(best)[0] && load.get(rater)[1] < load.get(best)[1]) {
                best = rater;
            }
        }
        return best;
    }

    private void add(String task, String rater, boolean gold, Map<String, int[]> load) {
        assignments.add(
                new Assignment(task, rater, gold, hash(config.seed() + "\u0000" + rater + "\u0000" + task), false));
        int[] l = load.get(rater);
        l[0]++;
        l[1]++;
        l[gold ? 3 : 2]++;
    }

    static long hash(String text) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x0000_0100_0000_01B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        return h ^ (h >>> 33);
    }
}
