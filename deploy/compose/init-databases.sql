CREATE DATABASE organization;
CREATE DATABASE candidate;
CREATE DATABASE reporting;
