package dev.stride.service.dynamodb.expression.internal;

import java.util.List;

/**
 * Refuses two paths of one update or projection that reach the same place: one is a prefix of
 * the other ("overlap"), or they part where one steps into a map and the other into a list
 * ("conflict"). Pairwise, because expressions hold a handful of paths.
 */
final class PathOverlap {
    private PathOverlap() {}

    static void check(List<DocumentPath> paths, String parameter) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                String problem = problem(paths.get(i), paths.get(j));
                if (problem != null) {
                    throw Errors.invalid(parameter, "Two document paths " + problem
                            + " with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
    }

    private static String problem(DocumentPath a, DocumentPath b) {
        int shared = Math.min(a.length(), b.length());
        for (int k = 0; k < shared; k++) {
            Object x = a.element(k), y = b.element(k);
            if (x.equals(y)) continue;
            return x.getClass() == y.getClass() ? null : "conflict";
        }
        return "overlap";
    }
}
