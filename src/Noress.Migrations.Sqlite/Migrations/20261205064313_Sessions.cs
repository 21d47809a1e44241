using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitteePositions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteePositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteePositions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitteePositions_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeSeats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeSeats_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitteeSeats_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RuleParameters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleParameters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Convocation = table.Column<int>(type: "INTEGER", nullable: false),
                    CalendarSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowsSelfCheckIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConvenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sessions_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EstimatedMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Convocation = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckedInById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionAttendances_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionAttendances_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionProxies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantorInstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderInstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionProxies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionProxies_Institutions_GrantorInstitutionId",
                        column: x => x.GrantorInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionProxies_Institutions_HolderInstitutionId",
                        column: x => x.HolderInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionProxies_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Ballot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MajorityKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MajorityBase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AbstentionsCount = table.Column<bool>(type: "INTEGER", nullable: false),
                    MajorityArticle = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MembersAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentedAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumRequiredAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumReachedAtOpening = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Participations = table.Column<int>(type: "INTEGER", nullable: false),
                    For = table.Column<int>(type: "INTEGER", nullable: true),
                    Against = table.Column<int>(type: "INTEGER", nullable: true),
                    Abstain = table.Column<int>(type: "INTEGER", nullable: true),
                    BaseCount = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredFor = table.Column<int>(type: "INTEGER", nullable: true),
                    ComputedVerdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverriddenById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedWithoutQuorum = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Votes_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenVoteChoices",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CastById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenVoteChoices", x => new { x.VoteId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_OpenVoteChoices_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OpenVoteChoices_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretBallots_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteParticipations",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteParticipations", x => new { x.VoteId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_VoteParticipations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteParticipations_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ReminderRules",
                columns: new[] { "Id", "EscalateToSecretariat", "IsActive", "LocalTime", "OffsetDays", "SourceKind" },
                values: new object[,]
                {
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a07"), false, true, new TimeOnly(9, 0, 0), -7, "session" },
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a08"), false, true, new TimeOnly(9, 0, 0), -1, "session" }
                });

            migrationBuilder.InsertData(
                table: "RuleParameters",
                columns: new[] { "Id", "Article", "CreatedAt", "CreatedById", "EffectiveFrom", "Key", "Value" },
                values: new object[,]
                {
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a01"), "Art. 9", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "Quorum", "1/2" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a02"), "Art. 9", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "SecondConvocationQuorum", "1/3" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a03"), "Art. 11", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "DeliberationMajority", "Simple/VotesCast" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a04"), "Art. 18", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "AmendmentMajority", "TwoThirds/VotesCast" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a05"), "Art. 13", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "ElectionMajority", "Absolute/VotesCast" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a06"), "Art. 11", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "AbstentionsCount", "false" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a07"), "Art. 10", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "MaxProxiesPerInstitution", "1" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a08"), "Art. 13", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "ElectionBallot", "Secret" },
                    { new Guid("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a09"), "Art. 13", new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2015, 3, 18), "ElectionAbsoluteRounds", "2" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SessionId_Position",
                table: "AgendaItems",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteePositions_CommitteeId_UserId_StartsOn",
                table: "CommitteePositions",
                columns: new[] { "CommitteeId", "UserId", "StartsOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteePositions_UserId",
                table: "CommitteePositions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSeats_CommitteeId_InstitutionId_StartsOn",
                table: "CommitteeSeats",
                columns: new[] { "CommitteeId", "InstitutionId", "StartsOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSeats_InstitutionId",
                table: "CommitteeSeats",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenVoteChoices_InstitutionId",
                table: "OpenVoteChoices",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleParameters_Key_EffectiveFrom",
                table: "RuleParameters",
                columns: new[] { "Key", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecretBallots_VoteId",
                table: "SecretBallots",
                column: "VoteId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendances_InstitutionId",
                table: "SessionAttendances",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendances_SessionId_Convocation_InstitutionId",
                table: "SessionAttendances",
                columns: new[] { "SessionId", "Convocation", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionProxies_GrantorInstitutionId",
                table: "SessionProxies",
                column: "GrantorInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionProxies_HolderInstitutionId",
                table: "SessionProxies",
                column: "HolderInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionProxies_SessionId_GrantorInstitutionId",
                table: "SessionProxies",
                columns: new[] { "SessionId", "GrantorInstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionProxies_SessionId_HolderInstitutionId",
                table: "SessionProxies",
                columns: new[] { "SessionId", "HolderInstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CommitteeId",
                table: "Sessions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StartsAt",
                table: "Sessions",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_VoteParticipations_InstitutionId",
                table: "VoteParticipations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_AgendaItemId",
                table: "Votes",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_SessionId",
                table: "Votes",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteePositions");

            migrationBuilder.DropTable(
                name: "CommitteeSeats");

            migrationBuilder.DropTable(
                name: "OpenVoteChoices");

            migrationBuilder.DropTable(
                name: "RuleParameters");

            migrationBuilder.DropTable(
                name: "SecretBallots");

            migrationBuilder.DropTable(
                name: "SessionAttendances");

            migrationBuilder.DropTable(
                name: "SessionProxies");

            migrationBuilder.DropTable(
                name: "VoteParticipations");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a07"));

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a08"));
        }
    }
}
