package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.PayloadTemplate;

/**
 * A distributed Map's ItemBatcher: child executions get {@code {"Items": [...]}} (plus
 * BatchInput's fields under {@code BatchInput}) instead of one item each.
 *
 * @param batchInput     BatchInput as a JSONPath template, or null
 * @param batchInputExpr BatchInput as JSONata, or null
 */
public record ItemBatcher(IntField maxItemsPerBatch, IntField maxInputBytesPerBatch, PayloadTemplate batchInput,
                          JsonataTemplate batchInputExpr) {}
