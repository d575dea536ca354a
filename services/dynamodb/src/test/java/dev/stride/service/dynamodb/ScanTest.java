package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScanTest {
    private final Dynamo db = new Dynamo();

    @BeforeEach
    void items() {
        db.table("scan", "N");
        for (int p = 0; p < 20; p++) {
            for (int s = 0; s < 5; s++) db.put("scan", "{'pk':{'S':'p" + p + "'},'sk':{'N':'" + s + "'},'odd':{'BOOL':" + (s % 2 == 1) + "}}");
        }
    }

    @AfterEach
    void close() { db.close(); }

    private Set<String> scanAll(String extra) {
        Set<String> seen = new HashSet<>();
        JsonNode start = null;
        do {
            JsonNode r = db.call("Scan", "{'TableName':'scan'" + extra + (start == null ? "" : ",'ExclusiveStartKey':" + start.toString().replace('"', '\'')) + "}");
            r.get("Items").forEach(i -> assertThat(seen.add(i.get("pk").get("S").asText() + "/" + i.get("sk").get("N").asText())).isTrue());
            start = r.get("LastEvaluatedKey");
        } while (start != null);
        return seen;
    }

    @Test
    void pagingVisitsEveryItemOnce() {
        assertThat(scanAll(",'Limit':7")).hasSize(100);
    }

    @Test
    void segmentsSplitTheTableWithoutOverlap() {
        Set<String> all = new HashSet<>();
        int total = 4;
        for (int seg = 0; seg < total; seg++) {
            Set<String> part = scanAll(",'Segment':" + seg + ",'TotalSegments':" + total + ",'Limit':9");
            for (String k : part) assertThat(all.add(k)).isTrue();
        }
        assertThat(all).hasSize(100);
    }

    @Test
    void aFilterKeepsMatchingItemsAndCountsAllScanned() {
        JsonNode r = db.call("Scan", "{'TableName':'scan','FilterExpression':'odd = :t','ExpressionAttributeValues':{':t':{'BOOL':true}}}");
        assertThat(r.get("Count").asInt()).isEqualTo(40);
        assertThat(r.get("ScannedCount").asInt()).isEqualTo(100);
        JsonNode legacy = db.call("Scan", "{'TableName':'scan','ScanFilter':{'odd':{'ComparisonOperator':'EQ','AttributeValueList':[{'BOOL':false}]}}}");
        assertThat(legacy.get("Count").asInt()).isEqualTo(60);
    }

    @Test
    void segmentParametersAreChecked() {
        assertThat(db.error("Scan", "{'TableName':'scan','Segment':4,'TotalSegments':4}").getMessage())
                .isEqualTo("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4");
    }
}
