using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>The applicant moves their call to another free time of the same consultant.</summary>
public sealed record MoveCallByLink(string Token, DateTime StartUtc) : IRequest<Unit>;

internal sealed class MoveCallByLinkHandler(IAppDbContext db, IBookingLinks links, BookingCalendar calendar, CallMail mail, TimeProvider clock)
    : IRequestHandler<MoveCallByLink, Unit>
{
    public async Task<Unit> Handle(MoveCallByLink request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = DateTime.SpecifyKind(request.StartUtc, DateTimeKind.Utc);
        // The same serialised check as a new booking: see BookCall.
        await using var transaction = await db.BeginCalendarChangeAsync(ct);
        var call = await db.ManagedCallAsync(links, request.Token, ct) ?? throw new NotFoundException("Manage link", "(invalid)");
        if (call.WhyItCannotChange() is { } reason) throw new ValidationException("", reason);
        if (start == call.StartUtc) return Unit.Value;
        var consultant = (await calendar.BookableAsync(ct)).SingleOrDefault(c => c.ConsultantId == call.ConsultantId)
            ?? throw new SlotTakenException();
        var free = await calendar.FreeAsync([consultant], call.Id, ct);
        if (!free[consultant.ConsultantId].Contains(start)) throw new SlotTakenException();

        call.MoveTo(start);
        try
        {
            await mail.ChangedAsync(call, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new SlotTakenException();
        }
        return Unit.Value;
    }
}
