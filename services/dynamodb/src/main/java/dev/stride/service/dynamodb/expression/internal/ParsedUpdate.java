package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.Update;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An update ready to apply. Every SET reads the item as it was before the update (so
 * {@code SET a = b, b = a} swaps), then the writes happen on a copy: SETs, then REMOVEs from the
 * highest list index down (so {@code REMOVE l[0], l[1]} removes the first two elements of the
 * original list), then ADDs and DELETEs.
 */
public final class ParsedUpdate implements Update {
    private final List<UpdateAction.Set> sets = new ArrayList<>();
    private final List<UpdateAction.Remove> removes = new ArrayList<>();
    private final List<UpdateAction> addsAndDeletes = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();

    ParsedUpdate(List<UpdateAction> actions) {
        for (UpdateAction a : actions) {
            touched.add(a.path().top());
            switch (a) {
                case UpdateAction.Set s -> sets.add(s);
                case UpdateAction.Remove r -> removes.add(r);
                default -> addsAndDeletes.add(a);
            }
        }
        removes.sort((x, y) -> comparePaths(y.path(), x.path()));
    }

    @Override
    public Set<String> touchedAttributes() { return Collections.unmodifiableSet(touched); }

    @Override
    public ObjectNode apply(ObjectNode item) {
        ObjectNode original = item == null ? JsonNodes.F.objectNode() : item;
        List<JsonNode> values = new ArrayList<>(sets.size());
        for (UpdateAction.Set s : sets) values.add(UpdateOperands.evaluate(s.value(), original));
        ObjectNode result = original.deepCopy();
        for (int i = 0; i < sets.size(); i++) DocumentWriter.set(result, sets.get(i).path(), values.get(i).deepCopy());
        for (UpdateAction.Remove r : removes) DocumentWriter.remove(result, r.path());
        for (UpdateAction a : addsAndDeletes) {
            if (a instanceof UpdateAction.Add add) add(result, add);
            else delete(result, (UpdateAction.Delete) a);
        }
        return result;
    }

    private static void add(ObjectNode item, UpdateAction.Add add) {
        JsonNode current = add.path().find(item);
        JsonNode value = add.value().literal();
        if (current == null) {
            DocumentWriter.set(item, add.path(), value.deepCopy());
            return;
        }
        AttributeKind kind = AttributeKind.of(current);
        if (kind != add.value().kind()) throw Errors.incorrectOperandType();
        if (kind == AttributeKind.N) {
            BigDecimal sum = ValueOrder.number(current.get("N")).add(ValueOrder.number(value.get("N")));
            Numbers.checkRange(sum);
            DocumentWriter.set(item, add.path(), JsonNodes.number(Numbers.format(sum)));
            return;
        }
        ArrayNode elements = (ArrayNode) AttributeKind.payload(current);
        Set<Object> present = ValueOrder.setOf(kind, elements);
        for (JsonNode e : AttributeKind.payload(value)) {
            if (present.add(ValueOrder.element(kind.elementKind(), e))) elements.add(e.deepCopy());
        }
    }

    private static void delete(ObjectNode item, UpdateAction.Delete delete) {
        JsonNode current = delete.path().find(item);
        if (current == null) return;
        AttributeKind kind = AttributeKind.of(current);
        if (kind != delete.value().kind()) throw Errors.incorrectOperandType();
        Set<Object> unwanted = ValueOrder.setOf(kind, AttributeKind.payload(delete.value().literal()));
        ArrayNode elements = (ArrayNode) AttributeKind.payload(current);
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (unwanted.contains(ValueOrder.element(kind.elementKind(), elements.get(i)))) elements.remove(i);
        }
        if (elements.isEmpty()) DocumentWriter.remove(item, delete.path());
    }

    /** Element by element; indexes numerically; a prefix first. */
    private static int comparePaths(DocumentPath a, DocumentPath b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            Object x = a.element(i), y = b.element(i);
            int c = x instanceof Integer xi && y instanceof Integer yi ? Integer.compare(xi, yi)
                    : x.toString().compareTo(y.toString());
            if (c != 0) return c;
        }
        return Integer.compare(a.length(), b.length());
    }
}
