package dev.stride.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stride} command line. */
@Command(name = "stride", mixinStandardHelpOptions = true, version = "Stride 0.1.0",
        description = "Runs AWS Step Functions state machines (Amazon States Language) anywhere.",
        subcommands = {RunCommand.class, TestCommand.class, ValidateCommand.class, ServerCommand.class, ExampleCommand.class,
                GraphCommand.class})
public final class Main {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("stride: " + ex.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
