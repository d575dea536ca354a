package dev.stride.service.s3.internal;

import dev.stride.service.StreamedResponse;
import dev.stride.service.Xml;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** The object operations over HTTP: PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects, CopyObject. */
final class ObjectHandlers {
    private static final int MAX_DELETE = 1000;
    private final BucketObjects objects;

    ObjectHandlers(BucketObjects objects) { this.objects = objects; }

    StreamedResponse put(S3Request r) {
        if (r.header("content-length") == null && r.header("transfer-encoding") == null) throw S3Errors.missingContentLength();
        ObjectMeta o = objects.put(r.bucket(), r.key(), r.body(), r::header, ObjectHeaders.write(r.http(), true));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ETag", o.eTag());
        ObjectHeaders.checksums(o.checksums(), h);
        return Replies.empty(200, h);
    }

    /** GET and HEAD: conditions (304, 412), one range (206), the body streamed from its file. */
    StreamedResponse get(S3Request r, boolean head) {
        ObjectMeta o = objects.head(r.bucket(), r.key());
        Conditions c = new Conditions(r.header("if-match"), r.header("if-none-match"), r.header("if-modified-since"), r.header("if-unmodified-since"));
        if (c.notModified(o)) return Replies.empty(304, Map.of("ETag", o.eTag(), "Last-Modified", Replies.httpDate(o.lastModified())));
        String partNumber = r.param("partNumber");
        if (partNumber != null && !(partNumber.equals("1") && o.parts() <= 1)) throw S3Errors.notImplemented("partNumber of a multipart object");
        ByteRange range = ByteRange.parse(r.header("range"), o.size());
        Map<String, String> h = ObjectHeaders.reply(o, r, range == null);
        if (range != null) h.put("Content-Range", range.contentRange(o.size()));
        long length = range == null ? o.size() : range.length();
        InputStream body = head ? null : objects.open(r.bucket(), o, range);
        return new StreamedResponse(range == null ? 200 : 206, ObjectHeaders.contentType(o, r), h, length, body);
    }

    StreamedResponse delete(S3Request r) {
        objects.delete(r.bucket(), r.key());
        return Replies.empty(204, Map.of());
    }

    /** {@code <Delete><Quiet/><Object><Key/></Object>...</Delete>}: each key deleted, or its error listed. */
    StreamedResponse deleteMany(S3Request r) {
        Element root = RequestXml.parse(r.smallBody());
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(RequestXml.text(root, "Quiet")).strip());
        List<Element> keys = RequestXml.children(root, "Object");
        if (keys.isEmpty() || keys.size() > MAX_DELETE) throw S3Errors.malformedXml();
        Xml x = Replies.document("DeleteResult");
        for (Element e : keys) {
            String key = RequestXml.text(e, "Key");
            try {
                if (key == null || key.isEmpty()) throw S3Errors.invalidArgument("Invalid key", "key", key);
                objects.delete(r.bucket(), key);
                if (!quiet) x.open("Deleted").text("Key", key).close();
            } catch (S3Error err) {
                if (err.code().equals("NoSuchBucket")) throw err;
                x.open("Error").text("Key", key).text("Code", err.code()).text("Message", err.getMessage()).close();
            }
        }
        return Replies.xml(x);
    }

    /** {@code x-amz-copy-source: bucket/key}, with the COPY (default) or REPLACE metadata directive. */
    StreamedResponse copy(S3Request r) {
        String[] source = copySource(r.header("x-amz-copy-source"));
        String directive = r.header("x-amz-metadata-directive");
        boolean replace = directive != null && directive.equalsIgnoreCase("REPLACE");
        if (directive != null && !replace && !directive.equalsIgnoreCase("COPY")) {
            throw S3Errors.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        ObjectMeta o = objects.copy(source[0], source[1], sourceConditions(r), r.bucket(), r.key(),
                replace ? ObjectHeaders.write(r.http(), false) : null);
        Xml x = Replies.document("CopyObjectResult").text("ETag", o.eTag()).text("LastModified", Replies.isoDate(o.lastModified()));
        o.checksums().forEach((alg, v) -> x.text("Checksum" + alg, v));
        return Replies.xml(x);
    }

    static Conditions sourceConditions(S3Request r) {
        return new Conditions(r.header("x-amz-copy-source-if-match"), r.header("x-amz-copy-source-if-none-match"),
                r.header("x-amz-copy-source-if-modified-since"), r.header("x-amz-copy-source-if-unmodified-since"));
    }

    /** The bucket and key of an {@code x-amz-copy-source} ({@code /bucket/key?versionId=...}, URL-encoded). */
    static String[] copySource(String header) {
        String s = header.strip();
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (s.startsWith("/")) s = s.substring(1);
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                    "x-amz-copy-source", header);
        }
        return new String[] {s.substring(0, slash), s.substring(slash + 1)};
    }
}
