package dev.stride.cli;

import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.sns.SnsService;
import dev.stride.service.sqs.SqsService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local AWS services {@code stride server} serves beside Step Functions, over one store:
 * SQS, and SNS delivering into it. Email notifications go to a mailbox folder in the data folder.
 */
final class LocalServices implements AutoCloseable {
    private final SqsService sqs;
    private final SnsService sns;

    LocalServices(RecordStore store, Path mailbox, String region, String account, String endpoint) {
        this.sqs = new SqsService(store, System::currentTimeMillis);
        this.sns = new SnsService(SnsService.Options.builder().store(store).clockMillis(System::currentTimeMillis).sqs(sqs)
                .mailboxDir(mailbox).defaultRegion(region).defaultAccount(account).defaultEndpoint(endpoint).build());
    }

    /** By the name Task-state resources use ({@code arn:aws:states:::sqs:...}). */
    Map<String, AwsService> byName() {
        Map<String, AwsService> m = new LinkedHashMap<>();
        m.put("sqs", sqs);
        m.put("sns", sns);
        return m;
    }

    List<AwsService> all() { return List.copyOf(byName().values()); }

    @Override
    public void close() {
        sns.close();
        sqs.close();
    }
}
