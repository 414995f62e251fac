using Consultancy.Application.Common.Interfaces;
using MediatR;

namespace Consultancy.Application.StrategyCalls;

/// <summary>Staff cancel a booked call; the applicant gets a cancellation for their calendar.</summary>
public sealed record CancelCall(int CallId) : IRequest<Unit>;

internal sealed class CancelCallHandler(IAppDbContext db, CallEmailPlanner mail, TimeProvider clock) : IRequestHandler<CancelCall, Unit>
{
    public async Task<Unit> Handle(CancelCall request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var call = await db.StrategyCalls.GetAsync(request.CallId, ct);
        call.EnsureCanChange(now);
        call.Cancel(now);
        await mail.ChangedAsync(call, now, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
