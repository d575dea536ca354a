package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.PayloadTemplate;
import java.util.List;

/**
 * A distributed Map's ItemReader: where its items come from ({@code s3:getObject} over a JSON,
 * JSON Lines, CSV or manifest file, or {@code s3:listObjectsV2}) and how the file is read.
 *
 * @param resource     the reader's resource ARN, as written
 * @param parameters   Parameters (JSONPath), or null
 * @param arguments    Arguments (JSONata), or null
 * @param inputType    ReaderConfig.InputType (JSON, JSONL, CSV, MANIFEST), null for listObjectsV2
 * @param csvHeaders   ReaderConfig.CSVHeaders when CSVHeaderLocation is GIVEN, else null (the first row)
 * @param csvDelimiter ReaderConfig.CSVDelimiter as a character (comma by default)
 * @param maxItems     ReaderConfig.MaxItems / MaxItemsPath
 * @param itemsPointer ReaderConfig.ItemsPointer (a JSON Pointer into a JSON file), or null
 * @param manifestType ReaderConfig.ManifestType (S3_INVENTORY, ATHENA_DATA), or null
 * @param transformation ReaderConfig.Transformation for listObjectsV2 (NONE, LOAD_AND_FLATTEN), or null
 */
public record ItemReader(String resource, PayloadTemplate parameters, JsonataTemplate arguments, String inputType,
                         List<String> csvHeaders, char csvDelimiter, IntField maxItems, String itemsPointer,
                         String manifestType, String transformation) {
    public boolean listsObjects() { return resource.endsWith(":s3:listObjectsV2"); }
}
