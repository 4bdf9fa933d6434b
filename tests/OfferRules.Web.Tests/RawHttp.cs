using System.Net.Sockets;
using System.Text;

namespace OfferRules.Web.Tests;

/// <summary>
/// A bare HTTP/1.1 connection that sends a chunked body piece by piece and reads a chunked answer as it comes.
/// HttpClient finishes sending a body before it reads the answer, so it cannot show that a server streams.
/// </summary>
internal sealed class RawHttp : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<byte> _decoded = [];
    private int _start;
    private int _end;
    private int _chunkLeft;
    private bool _firstChunk = true;
    private bool _ended;

    private RawHttp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
        return new RawHttp(client);
    }

    public Task SendHeadAsync(string method, string target, string host, string contentType, CancellationToken cancellationToken) =>
        SendAsync($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", cancellationToken);

    public Task SendChunkAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        return SendAsync($"{bytes:x}\r\n{text}\r\n", cancellationToken);
    }

    public Task SendLastChunkAsync(CancellationToken cancellationToken) => SendAsync("0\r\n\r\n", cancellationToken);

    /// <summary>Reads the status line and the headers.</summary>
    public async Task<(string StatusLine, List<string> Headers)> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var status = await ReadCrlfLineAsync(cancellationToken);
        var headers = new List<string>();
        while (await ReadCrlfLineAsync(cancellationToken) is { Length: > 0 } header)
        {
            headers.Add(header);
        }

        return (status, headers);
    }

    /// <summary>Reads one line of the chunked body, or <see langword="null"/> at its end.</summary>
    public async Task<string?> ReadBodyLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _decoded.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString([.. _decoded.Take(newline)]);
                _decoded.RemoveRange(0, newline + 1);
                return line;
            }

            if (_ended)
            {
                return null;
            }

            if (_chunkLeft == 0)
            {
                if (!_firstChunk)
                {
                    await ReadCrlfLineAsync(cancellationToken);
                }

                _firstChunk = false;
                _chunkLeft = Convert.ToInt32((await ReadCrlfLineAsync(cancellationToken)).Split(';')[0], 16);
                if (_chunkLeft == 0)
                {
                    _ended = true;
                    continue;
                }
            }

            _decoded.Add(await ReadByteAsync(cancellationToken));
            _chunkLeft--;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    private async ValueTask<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, cancellationToken);
            if (_end == 0)
            {
                throw new EndOfStreamException("The server closed the connection.");
            }
        }

        return _buffer[_start++];
    }

    private async Task<string> ReadCrlfLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = await ReadByteAsync(cancellationToken);
            if (b == (byte)'\n')
            {
                return Encoding.ASCII.GetString([.. bytes]);
            }

            if (b != (byte)'\r')
            {
                bytes.Add(b);
            }
        }
    }
}
