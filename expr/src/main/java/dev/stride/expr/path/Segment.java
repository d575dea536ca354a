package dev.stride.expr.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;

import java.util.List;
import java.util.Map;

/** One pre-parsed step of a JSONPath. Evaluation appends the nodes it selects from {@code node} to {@code out}. */
sealed interface Segment {

    /** True when the step selects at most one node from one node. */
    boolean definite();

    /** Jayway's rendering of the step, as used in AWS messages. */
    String canonical();

    /** Selects from {@code node}; {@code root} is what {@code $} means inside filters; {@code leaf} says the step is the last one. */
    void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out);

    static String quote(String name) { return "'" + name + "'"; }

    record Property(String name) implements Segment {
        public boolean definite() { return true; }
        public String canonical() { return "[" + quote(name) + "]"; }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (node.isObject()) {
                JsonNode v = node.get(name);
                if (v != null) out.add(v);
            }
        }
    }

    /** {@code ['a','b']}: as a leaf Jayway returns one object holding the present keys; otherwise each value. */
    record Properties(List<String> names) implements Segment {
        public boolean definite() { return false; }
        public String canonical() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(quote(names.get(i)));
            }
            return sb.append(']').toString();
        }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (!node.isObject()) return;
            if (leaf) {
                ObjectNode merged = Json.NODES.objectNode();
                for (String n : names) {
                    JsonNode v = node.get(n);
                    if (v != null) merged.set(n, v);
                }
                out.add(merged);
            } else {
                for (String n : names) {
                    JsonNode v = node.get(n);
                    if (v != null) out.add(v);
                }
            }
        }
    }

    record Index(int index) implements Segment {
        public boolean definite() { return true; }
        public String canonical() { return "[" + index + "]"; }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (node.isArray()) {
                int i = index < 0 ? node.size() + index : index;
                if (i >= 0 && i < node.size()) out.add(node.get(i));
            }
        }
    }

    record Indexes(int[] indexes) implements Segment {
        public boolean definite() { return false; }
        public String canonical() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < indexes.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(indexes[i]);
            }
            return sb.append(']').toString();
        }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (!node.isArray()) return;
            for (int index : indexes) {
                int i = index < 0 ? node.size() + index : index;
                if (i >= 0 && i < node.size()) out.add(node.get(i));
            }
        }
    }

    /** {@code [from:to]} with either bound optional; negative bounds count from the end. */
    record Slice(Integer from, Integer to) implements Segment {
        public boolean definite() { return false; }
        public String canonical() {
            return "[" + (from == null ? "" : from) + ":" + (to == null ? "" : to) + "]";
        }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (!node.isArray()) return;
            int n = node.size();
            int start = from == null ? 0 : (from < 0 ? Math.max(0, n + from) : Math.min(from, n));
            int end = to == null ? n : (to < 0 ? Math.max(0, n + to) : Math.min(to, n));
            for (int i = start; i < end; i++) out.add(node.get(i));
        }
    }

    record Wildcard() implements Segment {
        public boolean definite() { return false; }
        public String canonical() { return "[*]"; }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (node.isContainerNode()) {
                for (JsonNode child : node) out.add(child);
            }
        }
    }

    /** {@code [?(...)]}: over an array the matching items; over an object the object itself when it matches. */
    record Filter(FilterExpr expr) implements Segment {
        public boolean definite() { return false; }
        public String canonical() { return "[?]"; }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (expr.test(item, root)) out.add(item);
                }
            } else if (node.isObject()) {
                if (expr.test(node, root)) out.add(node);
            }
        }
    }

    /** {@code ..step}: applies the step to the node and, depth first, to every container below it. */
    record DeepScan(Segment step) implements Segment {
        public boolean definite() { return false; }
        public String canonical() { return ".." + step.canonical(); }
        public void select(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            walk(node, root, leaf, out);
        }
        private void walk(JsonNode node, JsonNode root, boolean leaf, List<JsonNode> out) {
            if (!node.isContainerNode()) return;
            if (step instanceof Filter f) {
                if (node.isObject() && f.expr().test(node, root)) out.add(node);
            } else {
                step.select(node, root, leaf, out);
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) walk(e.getValue(), root, leaf, out);
            } else {
                for (JsonNode child : node) walk(child, root, leaf, out);
            }
        }
    }
}
