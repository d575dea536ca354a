package dev.stride.examples.mediatranscode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.examples.Checks;
import dev.stride.examples.Example;
import dev.stride.examples.Outcome;
import dev.stride.examples.Plan;
import dev.stride.examples.Session;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.CRType;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A folder of media files in S3 transcoded in parallel: a distributed Map reads the files from
 * the bucket (ItemReader over listObjectsV2), starts one AWS Batch job per file that really
 * converts it ({@link Transcoder}: images to 160-pixel thumbnails, by ffmpeg when installed, else by
 * the JDK), and writes its results back to S3 (ResultWriter: a manifest and result files).
 */
public final class MediaTranscode implements Example {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FILES = 6;

    private String bucket;
    private String queue;
    private final List<String> uploaded = new ArrayList<>();

    @Override public String name() { return "media-transcode"; }

    @Override public String summary() {
        return "A distributed Map over the images in an S3 bucket starts one Batch job per file that converts it to a thumbnail, then writes its results back to S3.";
    }

    @Override public String definition() { return "examples/media-transcode/statemachine.asl.json"; }

    @Override
    public Plan prepare(Session s) throws Exception {
        bucket = s.name("media").toLowerCase();
        s.s3().createBucket(b -> b.bucket(bucket));
        for (int i = 1; i <= FILES; i++) {
            String key = "incoming/photo-" + i + ".png";
            byte[] image = picture(640 + 80 * i, 480, i);
            s.s3().putObject(b -> b.bucket(bucket).key(key).contentType("image/png"), RequestBody.fromBytes(image));
            uploaded.add(key);
        }
        s.say("Created S3 bucket " + bucket + " with " + FILES + " images under incoming/ (" + s.aws("s3", "ls s3://" + bucket + "/incoming/") + ")");

        String environment = s.batch().createComputeEnvironment(b -> b.computeEnvironmentName(s.name("TranscodeEnvironment"))
                .type(CEType.MANAGED).computeResources(r -> r.type(CRType.FARGATE).maxvCpus(4).subnets("subnet-local")))
                .computeEnvironmentArn();
        queue = s.batch().createJobQueue(b -> b.jobQueueName(s.name("TranscodeQueue")).priority(1)
                .computeEnvironmentOrder(o -> o.order(1).computeEnvironment(environment))).jobQueueArn();
        // The job runs the Transcoder class with this JVM's classpath, so it needs nothing installed.
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        String definition = s.batch().registerJobDefinition(b -> b.jobDefinitionName(s.name("Transcode")).type("container")
                .containerProperties(c -> c.image("public.ecr.aws/jrottenberg/ffmpeg:latest")
                        .command(java, "-Djava.awt.headless=true", "-cp", classpath, Transcoder.class.getName(), "Ref::bucket", "Ref::key")))
                .jobDefinitionArn();
        s.say("Created Batch job queue " + queue + " and job definition " + definition + " (runs " + Transcoder.class.getSimpleName()
                + ", ffmpeg when installed, else the JDK)");
        return new Plan(JSON.createObjectNode(), Map.of("MediaBucket", bucket, "JobQueueArn", queue, "JobDefinitionArn", definition));
    }

    @Override
    public void check(Session s, Outcome outcome, Checks checks) throws Exception {
        List<S3Object> thumbnails = s.s3().listObjectsV2(b -> b.bucket(bucket).prefix("thumbnails/")).contents();
        List<S3Object> results = s.s3().listObjectsV2(b -> b.bucket(bucket).prefix("results/")).contents();
        s.say("Effects:");
        List<Integer> widths = new ArrayList<>();
        for (S3Object o : thumbnails) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(s.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
            widths.add(image == null ? -1 : image.getWidth());
            s.say("  s3://" + bucket + "/" + o.key() + "  " + o.size() + " bytes, " + (image == null ? "not an image" : image.getWidth() + "x" + image.getHeight()));
        }
        JsonNode manifest = null;
        for (S3Object o : results) {
            s.say("  s3://" + bucket + "/" + o.key() + "  " + o.size() + " bytes");
            if (o.key().endsWith("manifest.json")) manifest = JSON.readTree(s.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray());
        }
        s.say("  look yourself: " + s.aws("s3", "ls --recursive s3://" + bucket + "/"));

        checks.expectEqual("the execution succeeded", "SUCCEEDED", outcome.status());
        checks.expectEqual("one thumbnail per image", FILES, thumbnails.size());
        checks.expect("every thumbnail is a " + Transcoder.WIDTH + "-pixel-wide image", widths.stream().allMatch(w -> w == Transcoder.WIDTH));
        // The jobs ran in the Map's child executions, whose events are not in the parent's history (as in AWS): ask Batch.
        checks.expectEqual("one Batch job per image succeeded", FILES,
                s.batch().listJobs(b -> b.jobQueue(queue).jobStatus(JobStatus.SUCCEEDED)).jobSummaryList().size());
        checks.expect("the Map Run wrote its manifest to S3", manifest != null && bucket.equals(manifest.path("DestinationBucket").asText()));
    }

    /** A test picture: a diagonal gradient and a few bands, different for each file. */
    static byte[] picture(int width, int height, int seed) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40 * seed % 256, 90, 200), width, height, new Color(250, 200, 30 * seed % 256)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int i = 0; i < seed; i++) g.fillRect(20 + i * 40, height / 2, 20, height / 3);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
