using System.Text.Json;
using Consultancy.Application.Board;
using Consultancy.Application.CalendarFeeds;
using Consultancy.Application.Clients;
using Consultancy.Application.Dashboard;
using Consultancy.Application.Deadlines;
using Consultancy.Application.InterviewCriteria;
using Consultancy.Application.Letters;
using Consultancy.Application.Outbox;
using Consultancy.Application.Playbooks;
using Consultancy.Application.Privacy;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.Programs;
using Consultancy.Application.RankLists;
using Consultancy.Application.Reminders;
using Consultancy.Application.Security;
using Consultancy.Application.StrategyCalls;
using Consultancy.Application.Users;
using Consultancy.Tests.Support;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Tests.Application;

/// <summary>
/// Every text a user or an applicant sends is either single-line (no control character, no line separator) or
/// multi-line (line breaks and tabs, no other control character). The lists below name each request's text fields;
/// a field added to a request without being placed in one of them fails <see cref="Every_text_field_of_every_request_is_placed_in_one_list"/>.
/// </summary>
public sealed class TextFieldTests(ApplicationHarnessFixture fixture) : IClassFixture<ApplicationHarnessFixture>
{
    private static readonly string[] ClientFieldsOnOneLine =
    [
        nameof(ClientFields.FirstName), nameof(ClientFields.LastName), nameof(ClientFields.Email), nameof(ClientFields.Phone),
        nameof(ClientFields.Country), nameof(ClientFields.TimeZoneId), nameof(ClientFields.MedicalSchool), nameof(ClientFields.MedicalSchoolCountry),
        nameof(ClientFields.Citizenship), nameof(ClientFields.LanguageTest), nameof(ClientFields.Season), nameof(ClientFields.TargetSpecialties),
        nameof(ClientFields.Tags),
    ];

    private static readonly string[] LetterFieldsOnOneLine =
    [
        nameof(LetterFields.RefereeName), nameof(LetterFields.RefereeEmail), nameof(LetterFields.RefereeTitle), nameof(LetterFields.Institution),
        nameof(LetterFields.Location), nameof(LetterFields.Relationship), nameof(LetterFields.Specialty), nameof(LetterFields.ErasLetterId),
    ];

    private static readonly string[] DeadlineFieldsOnOneLine = [nameof(DeadlineFields.Title), nameof(DeadlineFields.ReminderOffsets)];

    private static readonly string[] ProgramFieldsOnOneLine =
    [
        nameof(ProgramFields.Name), nameof(ProgramFields.Institution), nameof(ProgramFields.Specialty), nameof(ProgramFields.City),
        nameof(ProgramFields.StateOrProvince), nameof(ProgramFields.Country), nameof(ProgramFields.Identifier), nameof(ProgramFields.TimeZoneId),
        nameof(ProgramFields.Website),
    ];

    private static readonly Dictionary<Type, string[]> SingleLineFields = new()
    {
        [typeof(CreateClient)] = ClientFieldsOnOneLine,
        [typeof(UpdateClient)] = ClientFieldsOnOneLine,
        [typeof(SetReminderOptOut)] = [nameof(SetReminderOptOut.Note)],
        [typeof(AddClinicalExperience)] = [nameof(AddClinicalExperience.Place)],
        [typeof(CreateProgram)] = ProgramFieldsOnOneLine,
        [typeof(UpdateProgram)] = ProgramFieldsOnOneLine,
        [typeof(AddApplications)] = [nameof(AddApplications.Season)],
        [typeof(ChangeRankList)] = [nameof(ChangeRankList.Season)],
        [typeof(CertifyRankList)] = [nameof(CertifyRankList.Season)],
        [typeof(SaveInterviewCriterion)] = [nameof(SaveInterviewCriterion.Name)],
        [typeof(AddDeadline)] = DeadlineFieldsOnOneLine,
        [typeof(UpdateDeadline)] = DeadlineFieldsOnOneLine,
        [typeof(AddLetter)] = LetterFieldsOnOneLine,
        [typeof(UpdateLetter)] = LetterFieldsOnOneLine,
        [typeof(RecordLetterStatus)] = [nameof(RecordLetterStatus.Reason)],
        [typeof(UpdateLetterRequestTemplate)] = [nameof(UpdateLetterRequestTemplate.Subject)],
        [typeof(CreateSeason)] = [nameof(CreateSeason.Name)],
        [typeof(UpdateKeyDate)] = [nameof(UpdateKeyDate.Name)],
        [typeof(SaveSignalLimits)] = [nameof(SaveSignalLimits.Specialty)],
        [typeof(SavePlaybookItem)] = [nameof(SavePlaybookItem.Title), nameof(SavePlaybookItem.AnchorKey)],
        [typeof(InviteUser)] = [nameof(InviteUser.Email), nameof(InviteUser.DisplayName), nameof(InviteUser.TimeZoneId)],
        [typeof(UpdateMyProfile)] = [nameof(UpdateMyProfile.DisplayName), nameof(UpdateMyProfile.TimeZoneId)],
        [typeof(BookCall)] =
        [
            nameof(BookCall.FirstName), nameof(BookCall.LastName), nameof(BookCall.Email), nameof(BookCall.Phone),
            nameof(BookCall.MedicalSchoolCountry), nameof(BookCall.TimeZoneId), nameof(BookCall.TargetSpecialty),
        ],
        [typeof(UpdateAvailability)] =
        [
            nameof(UpdateAvailability.PublicName), nameof(UpdateAvailability.Slug), nameof(UpdateAvailability.MeetingLink),
            nameof(UpdateAvailability.Monday), nameof(UpdateAvailability.Tuesday), nameof(UpdateAvailability.Wednesday),
            nameof(UpdateAvailability.Thursday), nameof(UpdateAvailability.Friday), nameof(UpdateAvailability.Saturday),
            nameof(UpdateAvailability.Sunday),
        ],
    };

    /// <summary>Prose typed in a text area, which keeps its line breaks (a playbook item's description, seeded, goes back and forth in a hidden field).</summary>
    private static readonly Dictionary<Type, string[]> MultiLineFields = new()
    {
        [typeof(AddClientNote)] = [nameof(AddClientNote.Body)],
        [typeof(AddDeadline)] = [nameof(AddDeadline.Notes)],
        [typeof(UpdateDeadline)] = [nameof(UpdateDeadline.Notes)],
        [typeof(AddLetter)] = [nameof(AddLetter.Notes)],
        [typeof(UpdateLetter)] = [nameof(UpdateLetter.Notes)],
        [typeof(UpdateLetterRequestTemplate)] = [nameof(UpdateLetterRequestTemplate.Body)],
        [typeof(AnswerAsReferee)] = [nameof(AnswerAsReferee.Reason)],
        [typeof(SavePlaybookItem)] = [nameof(SavePlaybookItem.Description)],
        [typeof(BookCall)] = [nameof(BookCall.Topic)],
        [typeof(BookCallForClient)] = [nameof(BookCallForClient.Topic)],
        [typeof(RecordCallOutcome)] = [nameof(RecordCallOutcome.Notes)],
        [typeof(CreateProgram)] = [nameof(CreateProgram.Notes)],
        [typeof(UpdateProgram)] = [nameof(UpdateProgram.Notes)],
        [typeof(UpdateApplication)] = [nameof(UpdateApplication.Notes)],
        [typeof(ScoreInterview)] = [nameof(ScoreInterview.RedFlags)],
        [typeof(UpdateAvailability)] = [nameof(UpdateAvailability.Overrides), nameof(UpdateAvailability.TimeOff)],
    };

    /// <summary>Strings in commands that are no text anyone types to be kept, and why.</summary>
    private static readonly Dictionary<string, string> NotTypedText = new()
    {
        ["CreateClient.ConsultantId"] = "an id, looked up among the active staff",
        ["AssignClient.ConsultantId"] = "an id, looked up among the active staff",
        ["ChangeUserRole.UserId"] = "an id, looked up",
        ["SetUserActive.UserId"] = "an id, looked up",
        ["UpdateAvailability.ConsultantId"] = "an id, looked up",
        ["UpdateAvailability.ConsultantName"] = "shown on the form only; the handler never reads it",
        ["UpdateAvailability.ConsultantTimeZone"] = "shown on the form only; the handler never reads it",
        ["BookCall.Slug"] = "the booking page's address, looked up among the consultants' pages",
        ["BookCall.ConsultantName"] = "shown on the form only; the handler never reads it",
        ["BookCall.Website"] = "a field only bots fill in; anything in it is refused",
        ["BookCallForClient.ClientName"] = "shown on the form only; the handler never reads it",
        ["EraseClient.ConfirmationName"] = "compared with the stored name, never stored; it must match names saved before these rules",
        ["EnsureAdminAccount.Email"] = "from the configuration at start-up",
        ["EnsureAdminAccount.Password"] = "from the configuration at start-up",
        ["EnsureAdminAccount.TimeZoneId"] = "from the configuration at start-up",
        ["RecordSignInAttempt.Email"] = "recorded by the sign-in pages, which refuse control characters in what is typed",
        ["RecordAccountChange.Email"] = "the address of an account, recorded by the app",
        ["AnswerAsReferee.Token"] = "a signed link token, checked",
        ["Unsubscribe.Token"] = "a signed link token, checked",
        ["StopLetterFollowUps.Token"] = "a signed link token, checked",
        ["CancelCallByLink.Token"] = "a signed link token, checked",
        ["MoveCallByLink.Token"] = "a signed link token, checked",
        ["CreateProgram.StoredIdentifier"] = "derived from the identifier typed, never bound",
        ["UpdateProgram.StoredIdentifier"] = "derived from the identifier typed, never bound",
        ["ImportClients.Plan"] = "the digest of the preview confirmed, compared with the file's, never stored",
        ["ImportPrograms.Plan"] = "the digest of the preview confirmed, compared with the file's, never stored",
    };

    /// <summary>Requests that only read: their strings are links' tokens, ids, search terms and filters, never stored.</summary>
    private static readonly Type[] Queries =
    [
        typeof(GetClientList), typeof(GetDeadlineList), typeof(GetCallList), typeof(GetLettersWaiting), typeof(GetOutboxList),
        typeof(GetUserList), typeof(GetSecurityLog), typeof(GetPipelineBoard), typeof(GetDashboard), typeof(GetTodaysCalls),
        typeof(GetBookingSlots), typeof(GetBookingForm), typeof(GetMoveSlots), typeof(GetManagedCall), typeof(GetAvailabilityForEdit), typeof(GetCalendarFeed),
        typeof(GetRefereeLetter), typeof(ReadLetterStopToken), typeof(ReadUnsubscribeToken), typeof(GetProgramList),
        typeof(FindProgramsForClient), typeof(GetClientApplications), typeof(GetRankList),
    ];

    private static readonly string[] LineBreaksAndTabs = ["Line one\r\nline two", "Line one\nline two", "Line one\rline two", "Column\tcolumn"];

    /// <summary>Control characters no keyboard types: NUL, BEL, ESC (terminal escapes), DEL and NEL (a C1 line break).</summary>
    private static readonly string[] OtherControlCharacters = ["Ann\0Lee", "Ann\u0007", "\u001b[2JAnn", "Ann\u007f", "Ann\u0085Lee"];

    private static readonly string[] LineSeparators = ["Ann\u2028Lee", "Ann\u2029Lee"];

    public static TheoryData<string, string> SingleLine => Cases(SingleLineFields);

    public static TheoryData<string, string> MultiLine => Cases(MultiLineFields);

    [Theory, MemberData(nameof(SingleLine))]
    public async Task A_single_line_field_refuses_line_breaks_tabs_and_other_control_characters(string request, string field)
    {
        foreach (var text in LineBreaksAndTabs.Concat(OtherControlCharacters).Concat(LineSeparators))
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(RequestWith(request, field, text)));

            Assert.True(refused.Errors.TryGetValue(field, out var messages), $"{request} accepted {Escaped(text)} in {field}");
            Assert.Contains(messages, m => m.EndsWith("must be on one line, without control characters."));
        }
    }

    [Theory, MemberData(nameof(MultiLine))]
    public async Task A_multi_line_field_keeps_line_breaks_and_tabs_and_refuses_other_control_characters(string request, string field)
    {
        foreach (var text in OtherControlCharacters)
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(RequestWith(request, field, text)));

            Assert.True(refused.Errors.TryGetValue(field, out var messages), $"{request} accepted {Escaped(text)} in {field}");
            Assert.Contains(messages, m => m.EndsWith("cannot contain control characters; line breaks and tabs are fine."));
        }
        foreach (var text in LineBreaksAndTabs.Concat(LineSeparators))
            Assert.DoesNotContain(await FailuresAsync(RequestWith(request, field, text)),
                failure => failure.PropertyName == field && failure.ErrorMessage.Contains("control characters"));
    }

    [Fact]
    public void Every_text_field_of_every_request_is_placed_in_one_list()
    {
        var fields = typeof(CreateClient).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && ResponseOf(type) is not null && !Queries.Contains(type))
            .SelectMany(type => type.GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => $"{type.Name}.{p.Name}"))
            .Order().ToList();
        var placed = Names(SingleLineFields).Concat(Names(MultiLineFields)).Concat(NotTypedText.Keys).ToList();

        Assert.Equal(placed.Distinct().Count(), placed.Count);
        var notPlaced = fields.Except(placed).ToList();
        var notFields = placed.Except(fields).ToList();
        Assert.True(notPlaced.Count == 0, "Not placed in a list: " + string.Join(", ", notPlaced));
        Assert.True(notFields.Count == 0, "Placed but no request has it: " + string.Join(", ", notFields));
    }

    private static IEnumerable<string> Names(Dictionary<Type, string[]> fields) =>
        fields.SelectMany(pair => pair.Value.Select(field => $"{pair.Key.Name}.{field}"));

    private static TheoryData<string, string> Cases(Dictionary<Type, string[]> fields)
    {
        var cases = new TheoryData<string, string>();
        foreach (var (type, names) in fields)
            foreach (var name in names) cases.Add(type.Name, name);
        return cases;
    }

    /// <summary>The request with <paramref name="text"/> in <paramref name="field"/> and defaults everywhere else.</summary>
    private static object RequestWith(string request, string field, string text)
    {
        var type = typeof(CreateClient).Assembly.GetTypes().Single(t => t.Name == request && ResponseOf(t) is not null);
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType == typeof(string) ? "" : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        var instance = constructor.Invoke(arguments);
        type.GetProperty(field)!.SetValue(instance, text);
        return instance;
    }

    private static Type? ResponseOf(Type type) =>
        type.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))?.GetGenericArguments()[0];

    /// <summary>Sends the request through the whole pipeline as the admin, who may send any of them.</summary>
    private async Task SendAsync(object request)
    {
        var send = typeof(ApplicationHarness).GetMethod(nameof(ApplicationHarness.SendAsync))!.MakeGenericMethod(ResponseOf(request.GetType())!);
        await (Task)send.Invoke(fixture.App, [await fixture.App.AdminAsync(), request])!;
    }

    /// <summary>What the request's validators say, without running its handler.</summary>
    private async Task<List<FluentValidation.Results.ValidationFailure>> FailuresAsync(object request)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request.GetType())).Cast<IValidator>())
            failures.AddRange((await validator.ValidateAsync(new ValidationContext<object>(request))).Errors);
        return failures;
    }

    private static string Escaped(string text) => JsonSerializer.Serialize(text);
}
