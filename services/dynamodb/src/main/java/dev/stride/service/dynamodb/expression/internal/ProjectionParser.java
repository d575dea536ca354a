package dev.stride.service.dynamodb.expression.internal;

import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** {@code projection := path ("," path)*}, with no two paths reaching the same place. */
public final class ProjectionParser extends ExpressionParser {
    private ProjectionParser(String source, ExpressionContext context) {
        super(source, context, "ProjectionExpression");
    }

    public static ParsedProjection parse(String source, ExpressionContext context) {
        ProjectionParser parser = new ProjectionParser(source, context);
        List<DocumentPath> paths = new ArrayList<>();
        do paths.add(parser.path()); while (parser.accept(Kind.COMMA));
        parser.finish();
        PathOverlap.check(paths, "ProjectionExpression");
        return new ParsedProjection(paths);
    }
}
