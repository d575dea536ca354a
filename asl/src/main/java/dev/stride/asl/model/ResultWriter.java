package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.PayloadTemplate;

/**
 * A distributed Map's ResultWriter: where the child executions' results go (an S3 prefix, with
 * a manifest) and how they are shaped (WriterConfig).
 *
 * @param resource       {@code arn:aws:states:::s3:putObject}, or null when only WriterConfig is given
 * @param transformation WriterConfig.Transformation (NONE, COMPACT, FLATTEN), or null when not given
 * @param outputType     WriterConfig.OutputType (JSON, JSONL), or null when not given
 */
public record ResultWriter(String resource, PayloadTemplate parameters, JsonataTemplate arguments,
                           String transformation, String outputType) {}
