using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

public sealed record GetCallDetails(int Id) : IRequest<CallDetails>;

public sealed record CallDetails(
    int Id, int ClientId, string ClientName, string ClientEmail, string? ClientPhone, ClientStage ClientStage, TargetSystem TargetSystem,
    string? MedicalSchoolCountry, int? GraduationYear, string ClientTimeZoneId,
    string ConsultantId, string ConsultantName, DateTime StartUtc, DateTime EndUtc, CallStatus Status, CallBookedBy BookedBy,
    string? Topic, string? MeetingLink, string? OutcomeNotes, int Sequence, bool HasStarted)
{
    public int? Step2CkScore { get; init; }
    public int? Step2CkAttempts { get; init; }
    public VisaNeed VisaNeed { get; init; }
    public string? TargetSpecialties { get; init; }

    public bool CanChange => Status == CallStatus.Booked && !HasStarted;
    public bool CanRecordOutcome => HasStarted || Status != CallStatus.Booked;
    /// <summary>A completed call with someone who is still a lead can turn them into a client.</summary>
    public bool CanConvert => Status == CallStatus.Completed && ClientStage is ClientStage.Lead or ClientStage.CallBooked;
}

internal sealed class GetCallDetailsHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<GetCallDetails, CallDetails>
{
    public async Task<CallDetails> Handle(GetCallDetails request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.StrategyCalls.Where(c => c.Id == request.Id)
            .Select(c => new CallDetails(c.Id, c.ClientId, c.Client!.FirstName + " " + c.Client.LastName, c.Client.Email, c.Client.Phone,
                c.Client.Stage, c.Client.TargetSystem, c.Client.MedicalSchoolCountry, c.Client.GraduationYear, c.Client.TimeZoneId,
                c.ConsultantId, c.Consultant!.DisplayName, c.StartUtc, c.EndUtc, c.Status, c.BookedBy, c.Topic, c.MeetingLink,
                c.OutcomeNotes, c.Sequence, c.StartUtc <= now)
            {
                Step2CkScore = c.Client.Step2CkScore, Step2CkAttempts = c.Client.Step2CkAttempts,
                VisaNeed = c.Client.VisaNeed, TargetSpecialties = c.Client.TargetSpecialties,
            })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(StrategyCall), request.Id);
    }
}
