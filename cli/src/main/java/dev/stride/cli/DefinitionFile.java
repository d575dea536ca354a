package dev.stride.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a definition file and names its state machine after the file (up to the first dot). */
record DefinitionFile(Path path, String text, String machineName) {
    static DefinitionFile read(Path path) {
        try {
            String text = Files.readString(path);
            String file = path.getFileName().toString();
            int dot = file.indexOf('.');
            return new DefinitionFile(path, text, dot > 0 ? file.substring(0, dot) : file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("definition file not found: " + path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read definition file " + path + ": " + e.getMessage());
        }
    }

    /** The definition parsed and checked as CreateStateMachine does: {@code problem} is null when it is valid. */
    record Checked(com.fasterxml.jackson.databind.JsonNode json, String problem) {}

    Checked check(dev.stride.asl.validation.StateMachineType type) {
        com.fasterxml.jackson.databind.JsonNode json;
        try {
            json = dev.stride.asl.read.DefinitionReader.read(text);
        } catch (IllegalArgumentException e) {
            return new Checked(null, e.getMessage());
        }
        var diags = dev.stride.asl.validation.DefinitionValidator.validate(json, type);
        return dev.stride.asl.validation.DefinitionValidator.hasErrors(diags)
                ? new Checked(json, dev.stride.asl.validation.DefinitionValidator.createErrorMessage(diags))
                : new Checked(json, null);
    }
}
