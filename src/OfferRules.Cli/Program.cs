using System.Text;
using OfferRules.Cli;

// Standard output is buffered and flushed once at the end: a batch writes one line per case, and an unbuffered
// console would pay a system call per line.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
try
{
    return CliApp.Run(args, Console.OpenStandardInput, stdout, Console.Error, showProgress: !Console.IsErrorRedirected);
}
finally
{
    stdout.Flush();
}
