package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeToLiveTest {
    private final Dynamo db = new Dynamo();

    @AfterEach
    void close() { db.close(); }

    @Test
    void expiredItemsAreDeletedBySweepingAndOthersStay() {
        db.table("sessions", null);
        db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}");
        assertThat(db.call("DescribeTimeToLive", "{'TableName':'sessions'}").get("TimeToLiveDescription").toString())
                .isEqualTo("{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"expires\"}");
        long now = db.clock.get() / 1000;
        db.put("sessions", "{'pk':{'S':'soon'},'expires':{'N':'" + (now + 60) + "'}}");
        db.put("sessions", "{'pk':{'S':'later'},'expires':{'N':'" + (now + 3600) + "'}}");
        db.put("sessions", "{'pk':{'S':'never'}}");
        db.put("sessions", "{'pk':{'S':'text'},'expires':{'S':'" + now + "'}}");

        assertThat(db.service.sweep()).isZero();
        db.clock.addAndGet(120_000);
        assertThat(db.service.sweep()).isEqualTo(1);
        assertThat(db.get("sessions", "{'pk':{'S':'soon'}}")).isNull();
        assertThat(db.get("sessions", "{'pk':{'S':'later'}}")).isNotNull();
        assertThat(db.get("sessions", "{'pk':{'S':'never'}}")).isNotNull();
        assertThat(db.get("sessions", "{'pk':{'S':'text'}}")).isNotNull();
    }

    @Test
    void enablingTwiceIsRefused() {
        db.table("sessions", null);
        db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}");
        assertThat(db.error("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}").getMessage())
                .isEqualTo("TimeToLive is already enabled");
        assertThat(db.error("DescribeTimeToLive", "{'TableName':'nope'}").getMessage()).isEqualTo("Requested resource not found: Table: nope not found");
    }
}
