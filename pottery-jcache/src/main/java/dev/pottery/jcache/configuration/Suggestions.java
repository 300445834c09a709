package dev.pottery.jcache.configuration;

import java.util.List;

/**
 * "Did you mean" for unknown configuration properties: the known name (or cache setting) closest to a
 * misspelt one, by edit distance.
 *
 * <pre>{@code
 * Suggestions.hint("pottery.redis.ulr", managerNames, cacheSettings);   // " (did you mean pottery.redis.url?)"
 * }</pre>
 */
final class Suggestions {

    private Suggestions() {
    }

    /** A hint naming the closest known property, or "" if none is close. */
    static String hint(String unknown, List<String> managerProperties, List<String> cacheSettings) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : managerProperties) {
            int distance = distance(unknown, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        if (unknown.startsWith("cache.") && unknown.lastIndexOf('.') > "cache.".length()) {
            String head = unknown.substring(0, unknown.lastIndexOf('.') + 1);
            String setting = unknown.substring(unknown.lastIndexOf('.') + 1);
            for (String known : cacheSettings) {
                int distance = distance(setting, known);
                if (distance < bestDistance) {
                    best = head + known;
                    bestDistance = distance;
                }
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
