using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Consultancy.Tests.Support;

namespace Consultancy.Benchmarks.Reminders.Smtp;

/// <summary>
/// An SMTP server on loopback that accepts everything and counts it. It does not parse what it receives,
/// so its own work stays small and the same for the dispatcher and the bare MailKit loop; while
/// <see cref="Capturing"/> it also keeps the raw bytes, so the bare loop can send exactly the same messages.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<byte[]> _captured = new();
    private int _received;

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListenerFactory());
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }
    public int Received => Volatile.Read(ref _received);
    public bool Capturing { get; set; }

    /// <summary>The raw messages received while <see cref="Capturing"/>, in arrival order; empties the store.</summary>
    public List<byte[]> TakeCaptured()
    {
        var messages = new List<byte[]>();
        while (_captured.TryDequeue(out var message)) messages.Add(message);
        return messages;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            // Copied whether kept or not, so capturing does not change the sink's cost per message.
            var bytes = buffer.ToArray();
            if (sink.Capturing) sink._captured.Enqueue(bytes);
            Interlocked.Increment(ref sink._received);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
