using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MandateContentType",
                table: "SessionProxies",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MandateFile",
                table: "SessionProxies",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MandateFileName",
                table: "SessionProxies",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendanceMovements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Convocation = table.Column<int>(type: "int", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Move = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceMovements_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceMovements_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMovements_InstitutionId",
                table: "AttendanceMovements",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMovements_SessionId_Convocation_InstitutionId",
                table: "AttendanceMovements",
                columns: new[] { "SessionId", "Convocation", "InstitutionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceMovements");

            migrationBuilder.DropColumn(
                name: "MandateContentType",
                table: "SessionProxies");

            migrationBuilder.DropColumn(
                name: "MandateFile",
                table: "SessionProxies");

            migrationBuilder.DropColumn(
                name: "MandateFileName",
                table: "SessionProxies");
        }
    }
}
