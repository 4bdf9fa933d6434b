using System.Runtime.InteropServices;
using OfferRules.Cli;

// Ctrl-C and SIGTERM ask the running command to stop after a whole line; a second one ends the process at once.
var interrupt = new CliInterrupt(Environment.Exit);
using var sigint = ProcessConsole.Register(PosixSignal.SIGINT, "SIGINT", interrupt);
using var sigterm = ProcessConsole.Register(PosixSignal.SIGTERM, "SIGTERM", interrupt);
return CliApp.Run(args, ProcessConsole.Create(interrupt));
