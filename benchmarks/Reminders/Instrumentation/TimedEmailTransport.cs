using Consultancy.Application.Common.Interfaces;

namespace Consultancy.Benchmarks.Reminders.Instrumentation;

/// <summary>
/// Wraps the real SMTP transport: the time before a send is rendering (the handler renders right before
/// sending), the send itself is building the MIME message and the SMTP exchange.
/// </summary>
internal sealed class TimedEmailTransport(IEmailTransport inner, PhaseTimer phases) : IEmailTransport
{
    public async Task<IEmailConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = await inner.ConnectAsync(ct);
        phases.Lap(Phase.Connect);
        return new Connection(connection, phases);
    }

    private sealed class Connection(IEmailConnection inner, PhaseTimer phases) : IEmailConnection
    {
        public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            phases.Lap(Phase.Render);
            var messageId = await inner.SendAsync(message, ct);
            phases.Lap(Phase.Send);
            return messageId;
        }

        public async ValueTask DisposeAsync()
        {
            phases.Lap(Phase.Other);
            await inner.DisposeAsync();
            phases.Lap(Phase.Quit);
        }
    }
}
