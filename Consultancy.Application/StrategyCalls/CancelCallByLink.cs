using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>The applicant cancels their call through the manage link in their confirmation.</summary>
public sealed record CancelCallByLink(string Token) : IRequest<Unit>;

internal sealed class CancelCallByLinkHandler(IAppDbContext db, IBookingLinks links, CallEmailPlanner mail, TimeProvider clock) : IRequestHandler<CancelCallByLink, Unit>
{
    public async Task<Unit> Handle(CancelCallByLink request, CancellationToken ct)
    {
        var call = await db.ManagedCallAsync(links, request.Token, ct) ?? throw new NotFoundException("Manage link", "(invalid)");
        var now = clock.GetUtcNow().UtcDateTime;
        if (call.WhyApplicantCannotChange(now) is { } reason) throw new ValidationException("", reason);
        call.Cancel(now);
        await mail.ChangedAsync(call, now, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
