using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Consultancy.Tests.Support;

/// <summary>
/// A real SMTP server on loopback that keeps every message it accepts. It can be told to refuse mail with
/// a transient 452 reply, or be stopped and started again on the same port, to play an outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();
    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    /// <summary>While true, every message is answered "452 try again later" and not kept.</summary>
    public bool RefuseTemporarily { get; set; }
    /// <summary>Runs for each message the server receives, before it replies (accepting or refusing): e.g. time passing during a send.</summary>
    public Func<Task>? OnReceiving { get; set; }

    public SmtpSink() => Start();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListenerFactory());
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        try { await _running!; } catch (OperationCanceledException) { }
        _stop.Dispose();
        _stop = null;
    }

    public void Clear() => _messages.Clear();

    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (_messages.FirstOrDefault(match) is { } message) return message;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No matching message arrived; received: {string.Join(", ", _messages.Select(m => m.Subject))}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (sink.OnReceiving is { } receiving) await receiving();
            if (sink.RefuseTemporarily) return new SmtpResponse(SmtpReplyCode.InsufficientStorage, "Try again later");
            using var stream = new MemoryStream(buffer.ToArray());
            sink._messages.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
