package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;
import dev.stride.expr.template.PayloadTemplate;

/**
 * Map: runs {@code processor} once per item. Items come from {@code itemsPath} (JSONPath) or
 * {@code items} (JSONata); each item's input is built by the item selector when present.
 * Tolerated failure fields are IntField; the percentage may be fractional, hence {@code Double}.
 * {@code label} (distributed Map) names its map runs; null when absent. The item reader, batcher
 * and result writer are a distributed Map's (null when absent); {@code expressChildren} is
 * ProcessorConfig.ExecutionType EXPRESS.
 */
public record MapState(Common common, StateGraph processor, boolean distributed, JsonPath itemsPath,
                       JsonataTemplate items, PayloadTemplate itemSelector, JsonataTemplate itemSelectorExpr,
                       IntField maxConcurrency, IntField toleratedFailureCount, Double toleratedFailurePercentage,
                       JsonPath toleratedFailurePercentagePath, JsonataTemplate toleratedFailurePercentageExpr,
                       ItemReader itemReader, ItemBatcher itemBatcher, ResultWriter resultWriter, boolean expressChildren,
                       String label, DataFlow flow, ErrorHandling errors) implements State {}
