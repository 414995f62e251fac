using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

internal static class CallLookup
{
    /// <summary>The call with this id in the caller's caseload; anyone else's is "not found".</summary>
    public static async Task<StrategyCall> GetAsync(this DbSet<StrategyCall> calls, int id, CancellationToken ct) =>
        await calls.Include(c => c.Client).GetByIdAsync(id, ct);

    public static void EnsureCanChange(this StrategyCall call, DateTime now)
    {
        var message = call.WhyItCannotChange(now) switch
        {
            null => null,
            CallChangeRefusal.Started => "This call has already started; record its outcome instead.",
            _ => $"This call is already {call.Status.ToString().ToLowerInvariant()}; only a booked call can be changed.",
        };
        if (message is not null) throw new ValidationException("", message);
    }
}
