package dev.stride.service.s3.internal;

import dev.stride.service.StreamedResponse;
import dev.stride.service.Xml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Multipart uploads over HTTP: create, upload part (and copy), complete, abort, list parts, list uploads. */
final class MultipartHandlers {
    private static final int MAX = 1000;
    private final Multipart multipart;

    MultipartHandlers(Multipart multipart) { this.multipart = multipart; }

    StreamedResponse create(S3Request r) {
        String algorithm = r.header("x-amz-checksum-algorithm");
        UploadMeta u = multipart.create(r.bucket(), r.key(), ObjectHeaders.write(r.http(), false), algorithm);
        Map<String, String> h = new LinkedHashMap<>();
        if (u.checksumAlgorithm() != null) h.put("x-amz-checksum-algorithm", u.checksumAlgorithm());
        return Replies.xml(Replies.document("InitiateMultipartUploadResult").text("Bucket", u.bucket()).text("Key", u.key())
                .text("UploadId", u.uploadId()), h);
    }

    StreamedResponse uploadPart(S3Request r) {
        int number = partNumber(r);
        if (r.header("x-amz-copy-source") != null) {
            String[] src = ObjectHandlers.copySource(r.header("x-amz-copy-source"));
            PartMeta p = multipart.copyPart(r.bucket(), r.key(), r.param("uploadId"), number, src[0], src[1],
                    ObjectHandlers.sourceConditions(r), r.header("x-amz-copy-source-range"));
            return Replies.xml(Replies.document("CopyPartResult").text("ETag", p.eTag()).text("LastModified", Replies.isoDate(p.lastModified())));
        }
        PartMeta p = multipart.uploadPart(r.bucket(), r.key(), r.param("uploadId"), number, r.body(), r::header);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ETag", p.eTag());
        ObjectHeaders.checksums(p.checksums(), h);
        return Replies.empty(200, h);
    }

    StreamedResponse complete(S3Request r) {
        Element root = RequestXml.parse(r.smallBody());
        List<Multipart.Named> parts = new ArrayList<>();
        for (Element p : RequestXml.children(root, "Part")) {
            String n = RequestXml.text(p, "PartNumber");
            try {
                parts.add(new Multipart.Named(Integer.parseInt(n == null ? "" : n.strip()), RequestXml.text(p, "ETag")));
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
        }
        ObjectMeta o = multipart.complete(r.bucket(), r.key(), r.param("uploadId"), parts,
                new ObjectWrite(Map.of(), Map.of(), r.header("if-match"), r.header("if-none-match")));
        Xml x = Replies.document("CompleteMultipartUploadResult").text("Location", r.http().endpoint() + "/" + r.bucket() + "/" + o.key())
                .text("Bucket", r.bucket()).text("Key", o.key()).text("ETag", o.eTag());
        o.checksums().forEach((alg, v) -> x.text("Checksum" + alg, v));
        return Replies.xml(x);
    }

    StreamedResponse abort(S3Request r) {
        multipart.abort(r.bucket(), r.key(), r.param("uploadId"));
        return Replies.empty(204, Map.of());
    }

    StreamedResponse listParts(S3Request r) {
        String id = r.param("uploadId");
        UploadMeta u = multipart.get(r.bucket(), r.key(), id);
        int marker = intParam(r, "part-number-marker", 0);
        int max = Math.min(intParam(r, "max-parts", MAX), MAX);
        List<PartMeta> after = multipart.parts(r.bucket(), r.key(), id).stream().filter(p -> p.partNumber() > marker).toList();
        List<PartMeta> page = after.subList(0, Math.min(max, after.size()));
        Xml x = Replies.document("ListPartsResult").text("Bucket", u.bucket()).text("Key", u.key()).text("UploadId", id)
                .text("PartNumberMarker", Integer.toString(marker));
        if (!page.isEmpty()) x.text("NextPartNumberMarker", Integer.toString(page.get(page.size() - 1).partNumber()));
        x.text("MaxParts", Integer.toString(max)).text("IsTruncated", Boolean.toString(page.size() < after.size()));
        if (u.checksumAlgorithm() != null) x.text("ChecksumAlgorithm", u.checksumAlgorithm());
        for (PartMeta p : page) {
            x.open("Part").text("PartNumber", Integer.toString(p.partNumber())).text("LastModified", Replies.isoDate(p.lastModified()))
                    .text("ETag", p.eTag()).text("Size", Long.toString(p.size()));
            p.checksums().forEach((alg, v) -> x.text("Checksum" + alg, v));
            x.close();
        }
        owner(x, "Initiator");
        owner(x, "Owner");
        return Replies.xml(x.text("StorageClass", "STANDARD"));
    }

    StreamedResponse listUploads(S3Request r) {
        int max = Math.min(intParam(r, "max-uploads", MAX), MAX);
        List<UploadMeta> all = multipart.list(r.bucket(), r.param("prefix"));
        List<UploadMeta> page = all.subList(0, Math.min(max, all.size()));
        Xml x = Replies.document("ListMultipartUploadsResult").text("Bucket", r.bucket()).text("KeyMarker", "").text("UploadIdMarker", "");
        if (r.param("prefix") != null) x.text("Prefix", r.param("prefix"));
        x.text("MaxUploads", Integer.toString(max)).text("IsTruncated", Boolean.toString(page.size() < all.size()));
        if (page.size() < all.size()) {
            UploadMeta last = page.get(page.size() - 1);
            x.text("NextKeyMarker", last.key()).text("NextUploadIdMarker", last.uploadId());
        }
        for (UploadMeta u : page) {
            x.open("Upload").text("Key", u.key()).text("UploadId", u.uploadId());
            owner(x, "Initiator");
            owner(x, "Owner");
            x.text("StorageClass", "STANDARD").text("Initiated", Replies.isoDate(u.initiated()));
            if (u.checksumAlgorithm() != null) x.text("ChecksumAlgorithm", u.checksumAlgorithm());
            x.close();
        }
        return Replies.xml(x);
    }

    private static void owner(Xml x, String element) {
        x.open(element).text("ID", Owner.ID).text("DisplayName", Owner.NAME).close();
    }

    private static int partNumber(S3Request r) { return intParam(r, "partNumber", -1); }

    private static int intParam(S3Request r, String name, int otherwise) {
        String v = r.param(name);
        if (v == null) return otherwise;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", name, v);
        }
    }
}
