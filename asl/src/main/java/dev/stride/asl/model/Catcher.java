package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import java.util.List;

/** One Catch entry. */
public record Catcher(List<String> errorEquals, String next, ResultPath resultPath, Assign assign, JsonataTemplate output) {}
