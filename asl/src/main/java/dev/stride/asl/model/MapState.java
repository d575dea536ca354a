package dev.stride.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;
import dev.stride.expr.template.PayloadTemplate;

/**
 * Map: runs {@code processor} once per item. Items come from {@code itemsPath} (JSONPath) or
 * {@code items} (JSONata); each item's input is built by the item selector when present.
 * Tolerated failure fields are IntField; the percentage may be fractional, hence {@code Double}.
 * {@code label} (distributed Map) names its map runs; null when absent.
 */
public record MapState(Common common, StateGraph processor, boolean distributed, JsonPath itemsPath,
                       JsonataTemplate items, PayloadTemplate itemSelector, JsonataTemplate itemSelectorExpr,
                       IntField maxConcurrency, IntField toleratedFailureCount, Double toleratedFailurePercentage,
                       JsonPath toleratedFailurePercentagePath, JsonataTemplate toleratedFailurePercentageExpr,
                       JsonNode itemReader, String label, DataFlow flow, ErrorHandling errors) implements State {}
