using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

/// <summary>A consultant books a strategy call for a client of their caseload, at a time on their own calendar.</summary>
public sealed record BookCallForClient : IRequest<int>
{
    public int ClientId { get; set; }
    /// <summary>Shown on the form only.</summary>
    public string? ClientName { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    [Display(Name = "Length (minutes)")] public int Minutes { get; set; } = ConsultantAvailability.DefaultCallMinutes;
    [Display(Name = "What the call is about")] public string? Topic { get; set; }
}

internal sealed class BookCallForClientValidator : AbstractValidator<BookCallForClient>
{
    public BookCallForClientValidator()
    {
        RuleFor(b => b.Date).NotNull().WithMessage("Choose the date of the call.");
        RuleFor(b => b.Time).NotNull().WithMessage("Choose the time of the call.");
        RuleFor(b => b.Minutes).InclusiveBetween(10, 240).WithMessage("A call lasts between 10 and 240 minutes.");
        RuleFor(b => b.Topic).NoControlCharacters().MaximumLength(2000).WithMessage("Keep it under 2,000 characters.");
    }
}

internal sealed class BookCallForClientHandler(IAppDbContext db, ICurrentUser user, CallEmailPlanner mail, TimeProvider clock)
    : IRequestHandler<BookCallForClient, int>
{
    public async Task<int> Handle(BookCallForClient request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var start = await db.ToUtcAsync(user, request.Date!.Value, request.Time!.Value, ct);
        if (BookableSlots.HasBegun(start, now)) throw new ValidationException(nameof(request.Date), "Choose a time in the future.");
        var length = TimeSpan.FromMinutes(request.Minutes);
        var meetingLink = await db.ConsultantAvailabilities.Where(a => a.ConsultantId == client.ConsultantId).Select(a => a.MeetingLink).SingleOrDefaultAsync(ct);

        await using var transaction = await db.BeginCalendarChangeAsync(ct);
        await db.EnsureFreeAsync(client.ConsultantId, start, start + length, null, ct);
        var call = StrategyCall.Book(client, client.ConsultantId, start, length, string.IsNullOrWhiteSpace(request.Topic) ? null : request.Topic.Trim(),
            meetingLink, CallBookedBy.Staff, now);
        db.StrategyCalls.Add(call);
        if (client.Stage == ClientStage.Lead) client.MoveToStage(ClientStage.CallBooked, now, user.UserId);
        await db.SaveCalendarChangeAsync(transaction, () => mail.ChangedAsync(call, now, ct),
            () => new ValidationException("Time", StaffCallTimes.OverlapMessage), ct);
        return call.Id;
    }
}
