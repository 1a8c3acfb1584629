package dev.vouch.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ./run-local.sh}: the options of the stack, and its subcommands. */
@Command(name = "run-local.sh", mixinStandardHelpOptions = true, sortOptions = false, version = "Vouch local stack",
        usageHelpAutoWidth = true, subcommands = RebuildCommand.class,
        description = {
                "Starts the whole of Vouch on this machine: a Kafka broker (KRaft), a file-backed MongoDB wire server "
                        + "and the three services, supervised. Needs only a JDK 17+. Ctrl-C stops it.",
                "Every option can also be set by the environment variable named (the option wins)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:could not start", "2:bad option, or a port is taken"})
final class LocalCommand extends LocalOptions.Flags implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return LocalStack.run(options(spec.commandLine()));
    }

    /** The options, or a usage error (exit code 2, before anything starts) for a value the parser alone cannot judge. */
    LocalOptions options(CommandLine line) {
        try {
            return options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(line, e.getMessage(), e);
        }
    }
}
